using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaperResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every response until now was sent online.
            migrationBuilder.AddColumn<string>(
                name: "Batch",
                table: "Responses",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Responses",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Online");

            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "Responses",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReceivedOn",
                table: "Responses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Batch",
                table: "Responses",
                column: "Batch",
                filter: "Batch IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responses_Batch",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "Batch",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "ReceivedOn",
                table: "Responses");
        }
    }
}
