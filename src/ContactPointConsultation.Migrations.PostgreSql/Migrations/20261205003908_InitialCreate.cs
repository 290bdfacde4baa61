using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContactPointConsultation.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    LastTotpTimeStep = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Target = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Details = table.Column<string>(type: "text", nullable: true),
                    FromAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CodingSamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingSamples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConsultationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Introduction = table.Column<string>(type: "text", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AboutYouIntroduction = table.Column<string>(type: "text", nullable: false),
                    AgeGroupQuestion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AnsweringAsQuestion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    HeldUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IncludeWhen = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ExcludeWhen = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Example = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ExchangeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RetiredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Themes_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentTallies",
                columns: table => new
                {
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ContentVersionId = table.Column<int>(type: "integer", nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AnsweringAs = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Comments = table.Column<int>(type: "integer", nullable: false),
                    Tagged = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentTallies", x => new { x.QuestionNumber, x.Day, x.ContentVersionId, x.AgeGroup, x.AnsweringAs });
                    table.ForeignKey(
                        name: "FK_CommentTallies_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResumeCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContentVersionId = table.Column<int>(type: "integer", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AnsweringAs = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Drafts_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OptionLabels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentVersionId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "OutcomeVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    SummaryEasyRead = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ContentVersionId = table.Column<int>(type: "integer", nullable: true),
                    Responses = table.Column<int>(type: "integer", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "PaperImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportKey = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentVersionId = table.Column<int>(type: "integer", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Lookalikes = table.Column<string>(type: "text", nullable: false),
                    LookalikeCount = table.Column<int>(type: "integer", nullable: false),
                    LookalikeDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DuplicateReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
                name: "QuestionWordings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentVersionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SectionTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    HelpText = table.Column<string>(type: "text", nullable: false),
                    CommentPrompt = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    HasChoice = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionWordings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionWordings_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentVersionId = table.Column<int>(type: "integer", nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AnsweringAs = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ScreenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EntryDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DuplicateReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PaperImportId = table.Column<long>(type: "bigint", nullable: true),
                    ImportLine = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Responses_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultTallies",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ContentVersionId = table.Column<int>(type: "integer", nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AnsweringAs = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    Choice = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultTallies", x => new { x.Day, x.ContentVersionId, x.AgeGroup, x.AnsweringAs, x.QuestionNumber, x.Choice });
                    table.ForeignKey(
                        name: "FK_ResultTallies_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ThemeTallies",
                columns: table => new
                {
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ContentVersionId = table.Column<int>(type: "integer", nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AnsweringAs = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Choice = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeTallies", x => new { x.QuestionNumber, x.ThemeId, x.Day, x.ContentVersionId, x.AgeGroup, x.AnsweringAs, x.Choice });
                    table.ForeignKey(
                        name: "FK_ThemeTallies_ContentVersions_ContentVersionId",
                        column: x => x.ContentVersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ThemeTallies_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DraftAnswers",
                columns: table => new
                {
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    Choice = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Comments = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftAnswers", x => new { x.DraftId, x.QuestionNumber });
                    table.ForeignKey(
                        name: "FK_DraftAnswers_Drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "Drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutcomeVersionId = table.Column<int>(type: "integer", nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    SectionTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WhatWeAsked = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Yes = table.Column<int>(type: "integer", nullable: true),
                    No = table.Column<int>(type: "integer", nullable: true),
                    NotSure = table.Column<int>(type: "integer", nullable: true),
                    WhatYouSaid = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    WhatYouSaidEasyRead = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    WhatWeDid = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    WhatWeDidEasyRead = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PaperImportChunks",
                columns: table => new
                {
                    PaperImportId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", maxLength: 65536, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PaperChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Checked = table.Column<string>(type: "text", nullable: true),
                    FieldsCompared = table.Column<int>(type: "integer", nullable: false),
                    Differences = table.Column<int>(type: "integer", nullable: false),
                    Errors = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ResponseAnswers",
                columns: table => new
                {
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    Choice = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Comments = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    TaggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseAnswers", x => new { x.ResponseId, x.QuestionNumber });
                    table.ForeignKey(
                        name: "FK_ResponseAnswers_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResponseRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    RevisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevisedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: false),
                    After = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseRevisions_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafeguardingItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: true),
                    Reference = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    OriginalText = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstOpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstOpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReminderQueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Release = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReleasedText = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "CodingSampleItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SampleId = table.Column<int>(type: "integer", nullable: false),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    SecondCodedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SecondCodedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SettledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SettledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingSampleItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodingSampleItems_CodingSamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "CodingSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodingSampleItems_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WrittenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentNotes_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentTags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false),
                    TaggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TaggedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentTags_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentTags_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SuggestedComments",
                columns: table => new
                {
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    CodebookKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BestScore = table.Column<double>(type: "double precision", nullable: false),
                    SuggestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestedComments", x => new { x.ResponseId, x.QuestionNumber });
                    table.ForeignKey(
                        name: "FK_SuggestedComments_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThemeSuggestions",
                columns: table => new
                {
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Suggested = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeSuggestions", x => new { x.ResponseId, x.QuestionNumber, x.Rank });
                    table.ForeignKey(
                        name: "FK_ThemeSuggestions_ResponseAnswers_ResponseId_QuestionNumber",
                        columns: x => new { x.ResponseId, x.QuestionNumber },
                        principalTable: "ResponseAnswers",
                        principalColumns: new[] { "ResponseId", "QuestionNumber" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ThemeSuggestions_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SafeguardingItemId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SharedWithOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SharedWithRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SharedOn = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WhatWasShared = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WhyShared = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Release = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReleasedText = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Categories = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FlaggedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    FlaggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ScreenVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
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
                name: "CodingSampleTags",
                columns: table => new
                {
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false),
                    CodedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingSampleTags", x => new { x.ItemId, x.Round, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_CodingSampleTags_CodingSampleItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CodingSampleItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodingSampleTags_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboxDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OccurredAt",
                table: "AuditEvents",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_CodingSampleItems_ResponseId_QuestionNumber",
                table: "CodingSampleItems",
                columns: new[] { "ResponseId", "QuestionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_CodingSampleItems_SampleId_ResponseId",
                table: "CodingSampleItems",
                columns: new[] { "SampleId", "ResponseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CodingSamples_QuestionNumber",
                table: "CodingSamples",
                column: "QuestionNumber");

            migrationBuilder.CreateIndex(
                name: "IX_CodingSampleTags_ThemeId",
                table: "CodingSampleTags",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentNotes_ResponseId_QuestionNumber",
                table: "CommentNotes",
                columns: new[] { "ResponseId", "QuestionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentTags_ResponseId_QuestionNumber_ThemeId",
                table: "CommentTags",
                columns: new[] { "ResponseId", "QuestionNumber", "ThemeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentTags_ThemeId",
                table: "CommentTags",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentTallies_ContentVersionId",
                table: "CommentTallies",
                column: "ContentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentVersions_Number",
                table: "ContentVersions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentVersions_OneDraftOneLive",
                table: "ContentVersions",
                column: "State",
                unique: true,
                filter: "\"State\" IN ('Draft', 'Live')");

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_ContentVersionId",
                table: "Drafts",
                column: "ContentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_ExpiresAt",
                table: "Drafts",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_ResumeCodeHash",
                table: "Drafts",
                column: "ResumeCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_TokenHash",
                table: "Drafts",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OptionLabels_ContentVersionId_Field_Value",
                table: "OptionLabels",
                columns: new[] { "ContentVersionId", "Field", "Value" },
                unique: true);

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
                filter: "\"State\" IN ('Draft', 'Published')");

            migrationBuilder.CreateIndex(
                name: "IX_PaperChecks_ResponseId",
                table: "PaperChecks",
                column: "ResponseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperChecks_Status_Id",
                table: "PaperChecks",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_ContentVersionId",
                table: "PaperImports",
                column: "ContentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_FileDigest",
                table: "PaperImports",
                column: "FileDigest",
                unique: true,
                filter: "\"Status\" = 'Imported'");

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_ImportKey",
                table: "PaperImports",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperImports_Status_UploadedAt",
                table: "PaperImports",
                columns: new[] { "Status", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionWordings_ContentVersionId_Number",
                table: "QuestionWordings",
                columns: new[] { "ContentVersionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAnswers_Comments",
                table: "ResponseAnswers",
                columns: new[] { "QuestionNumber", "ResponseId" },
                filter: "\"Comments\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAnswers_QuestionNumber_Choice",
                table: "ResponseAnswers",
                columns: new[] { "QuestionNumber", "Choice" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAnswers_Untagged",
                table: "ResponseAnswers",
                columns: new[] { "QuestionNumber", "ResponseId" },
                filter: "\"Comments\" IS NOT NULL AND \"TaggedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseRevisions_ResponseId",
                table: "ResponseRevisions",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Batch",
                table: "Responses",
                column: "Batch",
                filter: "\"Batch\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ContentVersionId",
                table: "Responses",
                column: "ContentVersionId");

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
                name: "IX_Responses_Reference",
                table: "Responses",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Responses_SubmissionKey",
                table: "Responses",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Responses_SubmittedAt",
                table: "Responses",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Unscreened",
                table: "Responses",
                column: "ScreenedAt",
                filter: "\"ScreenedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResultTallies_ContentVersionId",
                table: "ResultTallies",
                column: "ContentVersionId");

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

            migrationBuilder.CreateIndex(
                name: "IX_SuggestedComments_QuestionNumber_CodebookKey",
                table: "SuggestedComments",
                columns: new[] { "QuestionNumber", "CodebookKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Themes_ExchangeId",
                table: "Themes",
                column: "ExchangeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Themes_MergedIntoId",
                table: "Themes",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_QuestionNumber_NormalizedName",
                table: "Themes",
                columns: new[] { "QuestionNumber", "NormalizedName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThemeSuggestions_ThemeId",
                table: "ThemeSuggestions",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeTallies_ContentVersionId",
                table: "ThemeTallies",
                column: "ContentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeTallies_ThemeId",
                table: "ThemeTallies",
                column: "ThemeId");

            // The audit log and the safeguarding decisions are append-only, as on the other providers: a row-level
            // trigger refuses UPDATE (and DELETE, for the audit log), and a statement-level one TRUNCATE, which
            // row triggers never see.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
                END;
                $$;
                CREATE TRIGGER "AuditEvents_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION refuse_change();
                CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
                CREATE TRIGGER "SafeguardingDecisions_NoUpdate" BEFORE UPDATE ON "SafeguardingDecisions"
                    FOR EACH ROW EXECUTE FUNCTION refuse_change();
                CREATE TRIGGER "SafeguardingDecisions_NoTruncate" BEFORE TRUNCATE ON "SafeguardingDecisions"
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "AuditEvents_NoUpdateOrDelete" ON "AuditEvents";
                DROP TRIGGER IF EXISTS "AuditEvents_NoTruncate" ON "AuditEvents";
                DROP TRIGGER IF EXISTS "SafeguardingDecisions_NoUpdate" ON "SafeguardingDecisions";
                DROP TRIGGER IF EXISTS "SafeguardingDecisions_NoTruncate" ON "SafeguardingDecisions";
                DROP FUNCTION IF EXISTS refuse_change();
                """);

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "CodingSampleTags");

            migrationBuilder.DropTable(
                name: "CommentNotes");

            migrationBuilder.DropTable(
                name: "CommentTags");

            migrationBuilder.DropTable(
                name: "CommentTallies");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DraftAnswers");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "OptionLabels");

            migrationBuilder.DropTable(
                name: "OutboxDeliveries");

            migrationBuilder.DropTable(
                name: "OutcomeQuestions");

            migrationBuilder.DropTable(
                name: "PaperChecks");

            migrationBuilder.DropTable(
                name: "PaperImportChunks");

            migrationBuilder.DropTable(
                name: "QuestionWordings");

            migrationBuilder.DropTable(
                name: "ResponseRevisions");

            migrationBuilder.DropTable(
                name: "ResultTallies");

            migrationBuilder.DropTable(
                name: "SafeguardingDecisions");

            migrationBuilder.DropTable(
                name: "SafeguardingFlags");

            migrationBuilder.DropTable(
                name: "SuggestedComments");

            migrationBuilder.DropTable(
                name: "ThemeSuggestions");

            migrationBuilder.DropTable(
                name: "ThemeTallies");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CodingSampleItems");

            migrationBuilder.DropTable(
                name: "Drafts");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "OutcomeVersions");

            migrationBuilder.DropTable(
                name: "PaperImports");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropTable(
                name: "CodingSamples");

            migrationBuilder.DropTable(
                name: "ResponseAnswers");

            migrationBuilder.DropTable(
                name: "SafeguardingItems");

            migrationBuilder.DropTable(
                name: "Responses");

            migrationBuilder.DropTable(
                name: "ContentVersions");
        }
    }
}
