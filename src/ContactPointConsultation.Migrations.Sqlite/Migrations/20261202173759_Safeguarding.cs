using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactPointConsultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Safeguarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SafeguardingItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginalText = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstOpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstOpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReminderQueuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Release = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReleasedText = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafeguardingItems_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SafeguardingItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_SafeguardingItems_SafeguardingItemId",
                        column: x => x.SafeguardingItemId,
                        principalTable: "SafeguardingItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafeguardingDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SharedWithOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SharedWithRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SharedOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WhatWasShared = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhyShared = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Release = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReleasedText = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafeguardingDecisions_SafeguardingItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SafeguardingItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafeguardingFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FlaggedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FlaggedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScreenVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafeguardingFlags_SafeguardingItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SafeguardingItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxDeliveries_OutboxMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "OutboxMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxDeliveries_MessageId_Recipient",
                table: "OutboxDeliveries",
                columns: new[] { "MessageId", "Recipient" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CompletedAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "CompletedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SafeguardingItemId",
                table: "OutboxMessages",
                column: "SafeguardingItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingDecisions_ItemId",
                table: "SafeguardingDecisions",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingFlags_ItemId",
                table: "SafeguardingFlags",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingItems_ResponseId_QuestionNumber",
                table: "SafeguardingItems",
                columns: new[] { "ResponseId", "QuestionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingItems_Status_CreatedAt",
                table: "SafeguardingItems",
                columns: new[] { "Status", "CreatedAt" });

            // A decision is never edited: a correction is a new decision. Records are deleted whole, by retention.
            migrationBuilder.Sql("CREATE TRIGGER SafeguardingDecisions_NoUpdate BEFORE UPDATE ON SafeguardingDecisions BEGIN SELECT RAISE(ABORT, 'Safeguarding decisions are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SafeguardingDecisions_NoUpdate;");

            migrationBuilder.DropTable(
                name: "OutboxDeliveries");

            migrationBuilder.DropTable(
                name: "SafeguardingDecisions");

            migrationBuilder.DropTable(
                name: "SafeguardingFlags");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "SafeguardingItems");
        }
    }
}
