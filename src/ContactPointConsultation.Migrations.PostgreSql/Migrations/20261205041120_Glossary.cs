using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Glossary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Versions made before stay without a glossary: each response is pinned to what its pages showed,
            // and those showed none. An admin adds the words to the next draft.
            migrationBuilder.AddColumn<string>(
                name: "Glossary",
                table: "ContentVersions",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Glossary",
                table: "ContentVersions");
        }
    }
}
