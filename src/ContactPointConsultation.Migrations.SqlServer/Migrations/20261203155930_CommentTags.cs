using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CommentTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommentNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WrittenBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentNotes_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentTags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "int", nullable: false),
                    ThemeId = table.Column<int>(type: "int", nullable: false),
                    TaggedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TaggedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentTags_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentTags_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentNotes_ResponseId_QuestionNumber",
                table: "CommentNotes",
                columns: new[] { "ResponseId", "QuestionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentTags_ResponseId_QuestionNumber_ThemeId",
                table: "CommentTags",
                columns: new[] { "ResponseId", "QuestionNumber", "ThemeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentTags_ThemeId",
                table: "CommentTags",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentNotes");

            migrationBuilder.DropTable(
                name: "CommentTags");
        }
    }
}
