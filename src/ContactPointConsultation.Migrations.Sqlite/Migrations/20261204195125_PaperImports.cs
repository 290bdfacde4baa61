using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaperImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ImportLine",
                table: "Responses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaperImportId",
                table: "Responses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PaperImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileDigest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Lookalikes = table.Column<string>(type: "TEXT", nullable: false),
                    LookalikeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LookalikeDigest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DuplicateReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperImports_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperImportChunks",
                columns: table => new
                {
                    PaperImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", maxLength: 65536, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperImportChunks", x => new { x.PaperImportId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_PaperImportChunks_PaperImports_PaperImportId",
                        column: x => x.PaperImportId,
                        principalTable: "PaperImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_PaperImportId",
                table: "Responses",
                column: "PaperImportId",
                filter: "PaperImportId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_ContentVersionId",
                table: "PaperImports",
                column: "ContentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_FileDigest",
                table: "PaperImports",
                column: "FileDigest",
                unique: true,
                filter: "Status = 'Imported'");

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_ImportKey",
                table: "PaperImports",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_Status_UploadedAt",
                table: "PaperImports",
                columns: new[] { "Status", "UploadedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaperImportChunks");

            migrationBuilder.DropTable(
                name: "PaperImports");

            migrationBuilder.DropIndex(
                name: "IX_Responses_PaperImportId",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "ImportLine",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "PaperImportId",
                table: "Responses");
        }
    }
}
