using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ThemeSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    HeldUntil = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "SuggestedComments",
                columns: table => new
                {
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "int", nullable: false),
                    CodebookKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    BestScore = table.Column<double>(type: "float", nullable: false),
                    SuggestedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestedComments", x => new { x.ResponseId, x.QuestionNumber });
                    table.ForeignKey(
                        name: "FK_SuggestedComments_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThemeSuggestions",
                columns: table => new
                {
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "int", nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: false),
                    ThemeId = table.Column<int>(type: "int", nullable: false),
                    Score = table.Column<double>(type: "float", nullable: false),
                    Suggested = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeSuggestions", x => new { x.ResponseId, x.QuestionNumber, x.Rank });
                    table.ForeignKey(
                        name: "FK_ThemeSuggestions_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ThemeSuggestions_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SuggestedComments_QuestionNumber_CodebookKey",
                table: "SuggestedComments",
                columns: new[] { "QuestionNumber", "CodebookKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ThemeSuggestions_ThemeId",
                table: "ThemeSuggestions",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "SuggestedComments");

            migrationBuilder.DropTable(
                name: "ThemeSuggestions");
        }
    }
}
