using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CodingSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CodingSamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingSamples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CodingSampleItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SampleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    SecondCodedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SecondCodedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SettledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SettledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingSampleItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodingSampleItems_CodingSamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "CodingSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodingSampleItems_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CodingSampleTags",
                columns: table => new
                {
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CodedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingSampleTags", x => new { x.ItemId, x.Round, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_CodingSampleTags_CodingSampleItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CodingSampleItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodingSampleTags_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CodingSampleItems_ResponseId_QuestionNumber",
                table: "CodingSampleItems",
                columns: new[] { "ResponseId", "QuestionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_CodingSampleItems_SampleId_ResponseId",
                table: "CodingSampleItems",
                columns: new[] { "SampleId", "ResponseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CodingSamples_QuestionNumber",
                table: "CodingSamples",
                column: "QuestionNumber");

            migrationBuilder.CreateIndex(
                name: "IX_CodingSampleTags_ThemeId",
                table: "CodingSampleTags",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CodingSampleTags");

            migrationBuilder.DropTable(
                name: "CodingSampleItems");

            migrationBuilder.DropTable(
                name: "CodingSamples");
        }
    }
}
