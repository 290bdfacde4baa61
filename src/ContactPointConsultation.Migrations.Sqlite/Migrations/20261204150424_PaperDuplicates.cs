using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaperDuplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DuplicateReason",
                table: "Responses",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntryDigest",
                table: "Responses",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Responses_EntryDigest",
                table: "Responses",
                column: "EntryDigest",
                unique: true,
                filter: "EntryDigest IS NOT NULL AND DuplicateReason IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responses_EntryDigest",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "DuplicateReason",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "EntryDigest",
                table: "Responses");
        }
    }
}
