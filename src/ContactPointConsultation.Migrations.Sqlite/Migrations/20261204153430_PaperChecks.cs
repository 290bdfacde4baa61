using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaperChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaperChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Checked = table.Column<string>(type: "TEXT", nullable: true),
                    FieldsCompared = table.Column<int>(type: "INTEGER", nullable: false),
                    Differences = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperChecks_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaperChecks_ResponseId",
                table: "PaperChecks",
                column: "ResponseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperChecks_Status_Id",
                table: "PaperChecks",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaperChecks");
        }
    }
}
