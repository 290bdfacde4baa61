using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OutcomeVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutcomeVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    SummaryEasyRead = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ContentVersionId = table.Column<int>(type: "int", nullable: true),
                    Responses = table.Column<int>(type: "int", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeVersions_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OutcomeVersionId = table.Column<int>(type: "int", nullable: false),
                    QuestionNumber = table.Column<int>(type: "int", nullable: false),
                    SectionTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WhatWeAsked = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Yes = table.Column<int>(type: "int", nullable: true),
                    No = table.Column<int>(type: "int", nullable: true),
                    NotSure = table.Column<int>(type: "int", nullable: true),
                    WhatYouSaid = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    WhatYouSaidEasyRead = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    WhatWeDid = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    WhatWeDidEasyRead = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeQuestions_OutcomeVersions_OutcomeVersionId",
                        column: x => x.OutcomeVersionId,
                        principalTable: "OutcomeVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeQuestions_OutcomeVersionId_QuestionNumber",
                table: "OutcomeQuestions",
                columns: new[] { "OutcomeVersionId", "QuestionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeVersions_ContentVersionId",
                table: "OutcomeVersions",
                column: "ContentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeVersions_Number",
                table: "OutcomeVersions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeVersions_OneDraftOnePublished",
                table: "OutcomeVersions",
                column: "State",
                unique: true,
                filter: "State IN ('Draft', 'Published')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutcomeQuestions");

            migrationBuilder.DropTable(
                name: "OutcomeVersions");
        }
    }
}
