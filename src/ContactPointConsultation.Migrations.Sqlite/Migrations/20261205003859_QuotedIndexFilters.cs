using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuotedIndexFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responses_Batch",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_Entered",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_EntryDigest",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_PaperImportId",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_Unscreened",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_ResponseAnswers_Comments",
                table: "ResponseAnswers");

            migrationBuilder.DropIndex(
                name: "IX_ResponseAnswers_Untagged",
                table: "ResponseAnswers");

            migrationBuilder.DropIndex(
                name: "IX_PaperImports_FileDigest",
                table: "PaperImports");

            migrationBuilder.DropIndex(
                name: "IX_OutcomeVersions_OneDraftOnePublished",
                table: "OutcomeVersions");

            migrationBuilder.DropIndex(
                name: "IX_ContentVersions_OneDraftOneLive",
                table: "ContentVersions");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Batch",
                table: "Responses",
                column: "Batch",
                filter: "\"Batch\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Entered",
                table: "Responses",
                column: "Channel",
                filter: "\"Channel\" <> 'Online'");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_EntryDigest",
                table: "Responses",
                column: "EntryDigest",
                unique: true,
                filter: "\"EntryDigest\" IS NOT NULL AND \"DuplicateReason\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_PaperImportId",
                table: "Responses",
                column: "PaperImportId",
                filter: "\"PaperImportId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Unscreened",
                table: "Responses",
                column: "ScreenedAt",
                filter: "\"ScreenedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAnswers_Comments",
                table: "ResponseAnswers",
                columns: new[] { "QuestionNumber", "ResponseId" },
                filter: "\"Comments\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAnswers_Untagged",
                table: "ResponseAnswers",
                columns: new[] { "QuestionNumber", "ResponseId" },
                filter: "\"Comments\" IS NOT NULL AND \"TaggedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_FileDigest",
                table: "PaperImports",
                column: "FileDigest",
                unique: true,
                filter: "\"Status\" = 'Imported'");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeVersions_OneDraftOnePublished",
                table: "OutcomeVersions",
                column: "State",
                unique: true,
                filter: "\"State\" IN ('Draft', 'Published')");

            migrationBuilder.CreateIndex(
                name: "IX_ContentVersions_OneDraftOneLive",
                table: "ContentVersions",
                column: "State",
                unique: true,
                filter: "\"State\" IN ('Draft', 'Live')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responses_Batch",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_Entered",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_EntryDigest",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_PaperImportId",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_Unscreened",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_ResponseAnswers_Comments",
                table: "ResponseAnswers");

            migrationBuilder.DropIndex(
                name: "IX_ResponseAnswers_Untagged",
                table: "ResponseAnswers");

            migrationBuilder.DropIndex(
                name: "IX_PaperImports_FileDigest",
                table: "PaperImports");

            migrationBuilder.DropIndex(
                name: "IX_OutcomeVersions_OneDraftOnePublished",
                table: "OutcomeVersions");

            migrationBuilder.DropIndex(
                name: "IX_ContentVersions_OneDraftOneLive",
                table: "ContentVersions");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Batch",
                table: "Responses",
                column: "Batch",
                filter: "Batch IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Entered",
                table: "Responses",
                column: "Channel",
                filter: "Channel <> 'Online'");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_EntryDigest",
                table: "Responses",
                column: "EntryDigest",
                unique: true,
                filter: "EntryDigest IS NOT NULL AND DuplicateReason IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_PaperImportId",
                table: "Responses",
                column: "PaperImportId",
                filter: "PaperImportId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Unscreened",
                table: "Responses",
                column: "ScreenedAt",
                filter: "ScreenedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAnswers_Comments",
                table: "ResponseAnswers",
                columns: new[] { "QuestionNumber", "ResponseId" },
                filter: "Comments IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAnswers_Untagged",
                table: "ResponseAnswers",
                columns: new[] { "QuestionNumber", "ResponseId" },
                filter: "Comments IS NOT NULL AND TaggedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_FileDigest",
                table: "PaperImports",
                column: "FileDigest",
                unique: true,
                filter: "Status = 'Imported'");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeVersions_OneDraftOnePublished",
                table: "OutcomeVersions",
                column: "State",
                unique: true,
                filter: "State IN ('Draft', 'Published')");

            migrationBuilder.CreateIndex(
                name: "IX_ContentVersions_OneDraftOneLive",
                table: "ContentVersions",
                column: "State",
                unique: true,
                filter: "State IN ('Draft', 'Live')");
        }
    }
}
