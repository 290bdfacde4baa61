using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EditableWording : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AboutYouIntroduction",
                table: "ContentVersions",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgeGroupQuestion",
                table: "ContentVersions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AnsweringAsQuestion",
                table: "ContentVersions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosesAt",
                table: "ContentVersions",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "OpensAt",
                table: "ContentVersions",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "ContentVersions",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "ContentVersions",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "OptionLabels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContentVersionId = table.Column<int>(type: "int", nullable: false),
                    Field = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptionLabels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OptionLabels_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentVersions_OneDraftOneLive",
                table: "ContentVersions",
                column: "State",
                unique: true,
                filter: "State IN ('Draft', 'Live')");

            migrationBuilder.CreateIndex(
                name: "IX_OptionLabels_ContentVersionId_Field_Value",
                table: "OptionLabels",
                columns: new[] { "ContentVersionId", "Field", "Value" },
                unique: true);

            // Versions written before the wording became editable: the dates were the configured defaults,
            // and the "About you" page had this fixed wording.
            // EXEC: SQL Server compiles a whole script batch first, and these columns are added in the same batch.
            migrationBuilder.Sql("EXEC(N'UPDATE ContentVersions SET OpensAt = ''2026-11-01T00:00:00'', ClosesAt = ''2027-03-31T22:59:59'', UpdatedAt = CreatedAt, UpdatedBy = CreatedBy, AboutYouIntroduction = N''These questions help us see whether people of different ages think differently about the guidance. We can’t tell who you are from your answers.'' + NCHAR(10) + NCHAR(10) + N''You don’t have to answer them. You can choose “Prefer not to say”, or just select Continue.'', AgeGroupQuestion = N''How old are you?'', AnsweringAsQuestion = N''Who are you answering as?''');");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AgeGroup', 'under-11', N'Under 11' FROM ContentVersions;");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AgeGroup', '11-to-13', N'11 to 13' FROM ContentVersions;");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AgeGroup', '14-to-16', N'14 to 16' FROM ContentVersions;");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AgeGroup', '17-to-18', N'17 or 18' FROM ContentVersions;");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AgeGroup', 'over-18', N'Over 18' FROM ContentVersions;");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AgeGroup', 'prefer-not-to-say', N'Prefer not to say' FROM ContentVersions;");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AnsweringAs', 'young-person', N'A young person, answering for myself' FROM ContentVersions;");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AnsweringAs', 'group', N'A group of young people, for example a class or youth council' FROM ContentVersions;");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AnsweringAs', 'adult-helping', N'An adult helping a young person to answer' FROM ContentVersions;");
            migrationBuilder.Sql("INSERT INTO OptionLabels (ContentVersionId, Field, Value, Label) SELECT Id, 'AnsweringAs', 'prefer-not-to-say', N'Prefer not to say' FROM ContentVersions;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OptionLabels");

            migrationBuilder.DropIndex(
                name: "IX_ContentVersions_OneDraftOneLive",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "AboutYouIntroduction",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "AgeGroupQuestion",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "AnsweringAsQuestion",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "ClosesAt",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "OpensAt",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "ContentVersions");
        }
    }
}
