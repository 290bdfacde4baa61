using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class UntaggedComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "TaggedAt",
                table: "ResponseAnswers",
                type: "datetime2",
                nullable: true);

            // Comments tagged before this column are marked from their tags, as every change to tags marks them since.
            migrationBuilder.Sql("""
                UPDATE "ResponseAnswers" SET "TaggedAt" = (
                    SELECT MIN(t."TaggedAt") FROM "CommentTags" t
                    WHERE t."ResponseId" = "ResponseAnswers"."ResponseId" AND t."QuestionNumber" = "ResponseAnswers"."QuestionNumber")
                WHERE "Comments" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAnswers_Untagged",
                table: "ResponseAnswers",
                columns: new[] { "QuestionNumber", "ResponseId" },
                filter: "Comments IS NOT NULL AND TaggedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResponseAnswers_Untagged",
                table: "ResponseAnswers");

            migrationBuilder.DropColumn(
                name: "TaggedAt",
                table: "ResponseAnswers");
        }
    }
}
