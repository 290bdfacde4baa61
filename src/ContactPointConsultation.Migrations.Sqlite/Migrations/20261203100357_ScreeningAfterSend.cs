using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScreeningAfterSend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every response already sent starts unscreened, so the screen reads it once more after the upgrade,
            // and reads for the first time any sent before there was a screen. A comment that already has a
            // safeguarding item gets no second one (ResponseScreening).
            migrationBuilder.AddColumn<DateTime>(
                name: "ScreenedAt",
                table: "Responses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Unscreened",
                table: "Responses",
                column: "ScreenedAt",
                filter: "ScreenedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responses_Unscreened",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "ScreenedAt",
                table: "Responses");
        }
    }
}
