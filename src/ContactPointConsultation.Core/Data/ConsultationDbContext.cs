using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Common;
using ContactPointConsultation.Core.Notifications;
using ContactPointConsultation.Core.Outcomes;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Core.Staff;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContactPointConsultation.Core.Data;

/// <summary>The one DbContext: consultation data, staff accounts (Identity), audit log and Data Protection keys.</summary>
public sealed class ConsultationDbContext(DbContextOptions<ConsultationDbContext> options)
    : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();
    public DbSet<QuestionWording> QuestionWordings => Set<QuestionWording>();
    public DbSet<OptionLabel> OptionLabels => Set<OptionLabel>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<DraftAnswer> DraftAnswers => Set<DraftAnswer>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<ResponseAnswer> ResponseAnswers => Set<ResponseAnswer>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SafeguardingItem> SafeguardingItems => Set<SafeguardingItem>();
    public DbSet<SafeguardingFlag> SafeguardingFlags => Set<SafeguardingFlag>();
    public DbSet<SafeguardingDecision> SafeguardingDecisions => Set<SafeguardingDecision>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxDelivery> OutboxDeliveries => Set<OutboxDelivery>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<CommentTag> CommentTags => Set<CommentTag>();
    public DbSet<CommentNote> CommentNotes => Set<CommentNote>();
    public DbSet<CodingSample> CodingSamples => Set<CodingSample>();
    public DbSet<CodingSampleItem> CodingSampleItems => Set<CodingSampleItem>();
    public DbSet<CodingSampleTag> CodingSampleTags => Set<CodingSampleTag>();
    public DbSet<ThemeSuggestion> ThemeSuggestions => Set<ThemeSuggestion>();
    public DbSet<SuggestedComment> SuggestedComments => Set<SuggestedComment>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<RateCounter> RateCounters => Set<RateCounter>();
    public DbSet<ResultTally> ResultTallies => Set<ResultTally>();
    public DbSet<CommentTally> CommentTallies => Set<CommentTally>();
    public DbSet<ThemeTally> ThemeTallies => Set<ThemeTally>();
    public DbSet<ResponseRevision> ResponseRevisions => Set<ResponseRevision>();
    public DbSet<PaperCheck> PaperChecks => Set<PaperCheck>();
    public DbSet<PaperImport> PaperImports => Set<PaperImport>();
    public DbSet<PaperImportChunk> PaperImportChunks => Set<PaperImportChunk>();
    public DbSet<OutcomeVersion> OutcomeVersions => Set<OutcomeVersion>();
    public DbSet<OutcomeQuestion> OutcomeQuestions => Set<OutcomeQuestion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ConsultationDbContext).Assembly);
        // Used only in SQLite's queries, where each connection is given it (CaseFolding).
        builder.HasDbFunction(typeof(CaseFolding).GetMethod(nameof(CaseFolding.Fold))!).HasName(CaseFolding.SqliteFunction);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every time is stored in UTC; SQLite cannot order or compare DateTimeOffset, so DateTime it is,
        // and values read back are marked as UTC rather than Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

        // Enums are stored by name: readable in the database and stable if members are reordered.
        configurationBuilder.Properties<Choice>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AgeGroup>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AnsweringAs>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ResponseChannel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ContentVersionState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SafeguardingStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SafeguardingRelease>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SafeguardingOutcome>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FlagSource>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutboxKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ThemeKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutcomeState>().HaveConversion<string>().HaveMaxLength(16);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
