using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Tallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommentTallies",
                columns: table => new
                {
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContentVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnsweringAs = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Comments = table.Column<int>(type: "INTEGER", nullable: false),
                    Tagged = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentTallies", x => new { x.QuestionNumber, x.Day, x.ContentVersionId, x.AgeGroup, x.AnsweringAs });
                    table.ForeignKey(
                        name: "FK_CommentTallies_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultTallies",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContentVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnsweringAs = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultTallies", x => new { x.Day, x.ContentVersionId, x.AgeGroup, x.AnsweringAs, x.QuestionNumber, x.Choice });
                    table.ForeignKey(
                        name: "FK_ResultTallies_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ThemeTallies",
                columns: table => new
                {
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContentVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnsweringAs = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeTallies", x => new { x.QuestionNumber, x.ThemeId, x.Day, x.ContentVersionId, x.AgeGroup, x.AnsweringAs, x.Choice });
                    table.ForeignKey(
                        name: "FK_ThemeTallies_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ThemeTallies_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentTallies_ContentVersionId",
                table: "CommentTallies",
                column: "ContentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultTallies_ContentVersionId",
                table: "ResultTallies",
                column: "ContentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeTallies_ContentVersionId",
                table: "ThemeTallies",
                column: "ContentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeTallies_ThemeId",
                table: "ThemeTallies",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentTallies");

            migrationBuilder.DropTable(
                name: "ResultTallies");

            migrationBuilder.DropTable(
                name: "ThemeTallies");
        }
    }
}
