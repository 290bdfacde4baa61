using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ThemeMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Themes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Themes_MergedIntoId",
                table: "Themes",
                column: "MergedIntoId");

            migrationBuilder.AddForeignKey(
                name: "FK_Themes_Themes_MergedIntoId",
                table: "Themes",
                column: "MergedIntoId",
                principalTable: "Themes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Themes_Themes_MergedIntoId",
                table: "Themes");

            migrationBuilder.DropIndex(
                name: "IX_Themes_MergedIntoId",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Themes");
        }
    }
}
