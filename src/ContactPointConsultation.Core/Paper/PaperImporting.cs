using System.Security.Cryptography;
using System.Text.Json;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Core.Paper;

public enum ImportOutcome
{
    /// <summary>Checked with no problems and held, to be imported (<see cref="PaperImporting.CheckAsync"/>); or imported.</summary>
    Done,

    /// <summary>The file has problems, listed: nothing was stored.</summary>
    HasProblems,

    /// <summary>This very file was imported already: nothing more was stored.</summary>
    AlreadyImported,

    /// <summary>Rows look like responses already entered, or like each other, and no reason was given for them (or new ones appeared): nothing was stored.</summary>
    LooksLikeOnesEntered,

    /// <summary>There is no such checked file: it was never uploaded, or it was left a day and deleted.</summary>
    Gone,
}

/// <param name="Import">The checked or imported file; for <see cref="ImportOutcome.AlreadyImported"/>, the import that stored it.</param>
public sealed record ImportResult(ImportOutcome Outcome, PaperImport? Import, ImportProblems Problems);

/// <summary>
/// Imports a spreadsheet of responses collected offline (<see cref="ResponseCsv"/>) in two steps. The check reads
/// the whole file and stores nothing unless it has no problems at all; then it holds the file, says how many
/// responses it has and which look like ones already entered. The import reads the held file again and stores
/// every row as an entered response, in one transaction of the single writer, or none of them.
/// <para>
/// The same file is imported once: a second import of the same check finds it done, and a second upload of the
/// same bytes is told where it went. Each row's entry key comes from the import's key and its line, so no row is
/// stored twice however often the import runs, and the unique indexes of <see cref="Response.SubmissionKey"/>,
/// <see cref="Response.EntryDigest"/> and <see cref="PaperImport.FileDigest"/> hold that across web nodes. Rows
/// that say the same as a response already entered in the batch, or as an earlier row, are only stored with a
/// reason. Memory stays flat as files grow: the file is read a line at a time, held in pieces, and stored in
/// runs of <see cref="RunSize"/> rows.
/// </para>
/// </summary>
public sealed class PaperImporting(
    GroupCommit writes,
    ConsultationDbContext db,
    IDbContextFactory<ConsultationDbContext> dbFactory,
    ScreeningSignal screening,
    IOptions<PaperOptions> options,
    TimeProvider clock)
{
    /// <summary>How long a checked file waits to be imported before the retention sweep deletes it.</summary>
    public static readonly TimeSpan HeldFor = TimeSpan.FromDays(1);

    /// <summary>Rows stored, and looked up, a run at a time.</summary>
    public const int RunSize = 500;

    private const int MaxReferenceAttempts = 3;

    /// <summary>
    /// Checks a file whole and, if it has no problems, holds it to be imported. <paramref name="file"/> must be
    /// able to seek: it is read to its digest, read to check it, then read into the database.
    /// </summary>
    public async Task<ImportResult> CheckAsync(Stream file, string fileName, ImportChoices choices, string uploadedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(choices);
        var problems = new ImportProblems();
        var digest = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        if (await ImportedAsync(db, digest, cancellationToken) is { } earlier)
        {
            return new(ImportOutcome.AlreadyImported, earlier, problems);
        }

        var versions = await VersionsAsync(db, cancellationToken);
        var import = new PaperImport
        {
            ImportKey = Guid.NewGuid(),
            FileName = Tidy(fileName),
            FileDigest = digest,
            FileBytes = file.Length,
            Channel = choices.Channel,
            ReceivedOn = choices.ReceivedOn,
            Batch = choices.Batch.Trim(),
            ContentVersionId = versions.Single(v => v.Number == choices.VersionNumber).Id,
            Status = PaperImportStatus.Checked,
            UploadedBy = uploadedBy,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };

        file.Position = 0;
        var found = await LookalikesAsync(db, file, Rules(import, versions), problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new(ImportOutcome.HasProblems, null, problems);
        }

        (import.Rows, import.LookalikeCount, import.Lookalikes) = (found.Rows, found.Count, JsonSerializer.Serialize(found.Listed));
        await writes.RunAsync(async db =>
        {
            // The writer may run this again after another write's failure: from the start of the file each time.
            file.Position = 0;
            import.Id = 0;
            db.PaperImports.Add(import);
            await db.SaveChangesAsync();
            var buffer = new byte[PaperImportChunk.Size];
            for (var sequence = 0; await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken) is var read and > 0; sequence++)
            {
                db.PaperImportChunks.Add(new PaperImportChunk { PaperImportId = import.Id, Sequence = sequence, Data = buffer[..read] });
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            return true;
        });
        return new(ImportOutcome.Done, import, problems);
    }

    /// <summary>A file checked or imported, by its id.</summary>
    public Task<PaperImport?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.PaperImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>
    /// Stores every row of a checked file, or none. <paramref name="reason"/> says why the rows that look like
    /// responses already entered are different ones; without it, any lookalike stops the import.
    /// </summary>
    public async Task<ImportResult> ImportAsync(long id, string? reason, string importedBy, CancellationToken cancellationToken = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var problems = new ImportProblems();
        ImportResult result;
        try
        {
            result = await writes.RunAsync(db => StoreAsync(db, id, reason, importedBy, problems, cancellationToken));
        }
        catch (Exception exception) when (exception is DbUpdateException or LookalikesFound)
        {
            // Nothing was stored. Another web node imported this file, or entered a response one of its rows looks
            // like, between this one's look and its insert; or rows look like ones entered since the check.
            result = await AfterRefusalAsync(id, cancellationToken) ?? throw new InvalidOperationException("An import was refused for no reason found.", exception);
        }

        if (result.Outcome == ImportOutcome.Done)
        {
            screening.ResponseSent();
        }

        return result;
    }

    /// <summary>The checked files no one imported within a day, deleted with their bytes: they hold children's words.</summary>
    public static Task<int> DeleteUnimportedAsync(ConsultationDbContext db, DateTime uploadedBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PaperImports.Where(i => i.Status == PaperImportStatus.Checked && i.UploadedAt < uploadedBefore).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<ImportResult> StoreAsync(ConsultationDbContext db, long id, string? reason, string importedBy, ImportProblems problems, CancellationToken cancellationToken)
    {
        var import = await db.PaperImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return new(ImportOutcome.Gone, null, problems);
        }

        if (await ImportedAsync(db, import.FileDigest, cancellationToken) is { } earlier)
        {
            return new(ImportOutcome.AlreadyImported, earlier, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var run = new List<ImportRow>(RunSize);
        var lookalikeCount = 0;
        var stored = 0;
        var file = new ChunkStream(db, id);
        await foreach (var row in ResponseCsv.ReadAsync(file, Rules(import, await VersionsAsync(db, cancellationToken)), problems, cancellationToken))
        {
            run.Add(row);
            if (run.Count == RunSize)
            {
                (stored, lookalikeCount) = await StoreRunAsync(db, import, run, reason, importedBy, now, stored, lookalikeCount, cancellationToken);
            }
        }

        (stored, lookalikeCount) = await StoreRunAsync(db, import, run, reason, importedBy, now, stored, lookalikeCount, cancellationToken);
        if (problems.Count > 0)
        {
            // The held file is the one that was checked, but the rules may have moved: a version withdrawn, say.
            throw new InvalidOperationException("A checked file had problems when it was imported.");
        }

        // Without a reason any lookalike stops it; with one, only more of them than the person saw.
        if (lookalikeCount > 0 && (reason is null || lookalikeCount > import.LookalikeCount))
        {
            throw new LookalikesFound();
        }

        await db.PaperImports.Where(i => i.Id == id).ExecuteUpdateAsync(
            i => i.SetProperty(x => x.Status, PaperImportStatus.Imported)
                .SetProperty(x => x.ImportedBy, importedBy)
                .SetProperty(x => x.ImportedAt, now)
                .SetProperty(x => x.Rows, stored)
                .SetProperty(x => x.DuplicateReason, lookalikeCount > 0 ? reason : null),
            cancellationToken);
        await db.PaperImportChunks.Where(c => c.PaperImportId == id).ExecuteDeleteAsync(cancellationToken);

        // One audit row for the file: each response names who entered it and the import it came in.
        new AuditLog(db, clock).Add(importedBy, AuditActions.ResponsesImported, import.FileName, new
        {
            Import = id,
            Responses = stored,
            import.Channel,
            import.Batch,
            Lookalikes = lookalikeCount,
            DuplicateReason = lookalikeCount > 0 ? reason : null,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new(ImportOutcome.Done, await db.PaperImports.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken), problems);
    }

    /// <summary>
    /// Stores a run of rows, and draws each for a check as an entry is. A row that says the same as a response
    /// already entered in the batch (including earlier runs of this file, stored in this transaction) or as an
    /// earlier row of this run is a lookalike: stored with the reason, or, without one, counted and not stored.
    /// </summary>
    private async Task<(int Stored, int Lookalikes)> StoreRunAsync(
        ConsultationDbContext db, PaperImport import, List<ImportRow> run, string? reason, string importedBy, DateTime now,
        int stored, int lookalikeCount, CancellationToken cancellationToken)
    {
        if (run.Count == 0)
        {
            return (stored, lookalikeCount);
        }

        var digests = run.ConvertAll(r => EntryDigest.Of(r.Entry));
        var entered = await EnteredAsync(db, digests, cancellationToken);
        var references = await FreshReferencesAsync(db, run.Count, cancellationToken);
        var responses = new List<Response>(run.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < run.Count; i++)
        {
            var looksLike = entered.ContainsKey(digests[i]) || !seen.Add(digests[i]);
            if (looksLike)
            {
                lookalikeCount++;
                if (reason is null)
                {
                    continue;
                }
            }

            var response = PaperEntry.NewResponse(run[i].Entry, references[i], digests[i], looksLike ? reason : null, importedBy, now);
            response.PaperImportId = import.Id;
            response.ImportLine = run[i].Line;
            responses.Add(response);
        }

        db.Responses.AddRange(responses);
        await db.SaveChangesAsync(cancellationToken);
        var drawn = responses.Count(r => PaperEntry.DrawForCheck(db, r, options.Value, now));
        if (drawn > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        run.Clear();
        return (stored + responses.Count, lookalikeCount);
    }

    /// <summary>
    /// Reads a file through, checking every row, and finds the rows that look like a response already entered in
    /// the batch or like an earlier row of the file. The earlier rows are remembered by the first 16 bytes of
    /// their digest, a few dozen bytes a row.
    /// </summary>
    private static async Task<(int Rows, int Count, List<ImportLookalike> Listed)> LookalikesAsync(
        ConsultationDbContext db, Stream file, ImportRules rules, ImportProblems problems, CancellationToken cancellationToken)
    {
        var firstLines = new Dictionary<UInt128, int>();
        var listed = new List<ImportLookalike>();
        var (rows, count) = (0, 0);
        var pending = new List<(int Line, string Digest)>(RunSize);
        await foreach (var row in ResponseCsv.ReadAsync(file, rules, problems, cancellationToken))
        {
            rows++;
            var digest = EntryDigest.Of(row.Entry);
            if (firstLines.TryGetValue(UInt128.Parse(digest.AsSpan(0, 32), System.Globalization.NumberStyles.HexNumber, null), out var first))
            {
                count++;
                Add(new ImportLookalike(row.Line, null, first));
                continue;
            }

            firstLines.Add(UInt128.Parse(digest.AsSpan(0, 32), System.Globalization.NumberStyles.HexNumber, null), row.Line);
            pending.Add((row.Line, digest));
            if (pending.Count == RunSize)
            {
                await LookUpAsync();
            }
        }

        await LookUpAsync();
        listed.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, count, listed);

        async Task LookUpAsync()
        {
            if (problems.Count == 0 && pending.Count > 0)
            {
                var entered = await EnteredAsync(db, pending.ConvertAll(p => p.Digest), cancellationToken);
                foreach (var (line, digest) in pending)
                {
                    if (entered.TryGetValue(digest, out var reference))
                    {
                        count++;
                        Add(new ImportLookalike(line, reference, null));
                    }
                }
            }

            pending.Clear();
        }

        void Add(ImportLookalike lookalike)
        {
            if (listed.Count < ImportProblems.MaxListed)
            {
                listed.Add(lookalike);
            }
        }
    }

    /// <summary>After a refused import: what happened, with the lookalikes found now kept for the page to show.</summary>
    private async Task<ImportResult?> AfterRefusalAsync(long id, CancellationToken cancellationToken)
    {
        await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
        var import = await fresh.PaperImports.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return new(ImportOutcome.Gone, null, new ImportProblems());
        }

        if (await ImportedAsync(fresh, import.FileDigest, cancellationToken) is { } earlier)
        {
            return new(ImportOutcome.AlreadyImported, earlier, new ImportProblems());
        }

        var problems = new ImportProblems();
        var found = await LookalikesAsync(fresh, new ChunkStream(fresh, id), Rules(import, await VersionsAsync(fresh, cancellationToken)), problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new(ImportOutcome.HasProblems, import, problems);
        }

        if (found.Count == 0)
        {
            return null;
        }

        (import.LookalikeCount, import.Lookalikes) = (found.Count, JsonSerializer.Serialize(found.Listed));
        await fresh.SaveChangesAsync(cancellationToken);
        return new(ImportOutcome.LooksLikeOnesEntered, import, problems);
    }

    /// <summary>Of these digests, those of responses already entered that a new one is checked against, with their references.</summary>
    private static async Task<Dictionary<string, string>> EnteredAsync(ConsultationDbContext db, List<string> digests, CancellationToken cancellationToken) =>
        await db.Responses.Where(r => digests.Contains(r.EntryDigest!) && r.DuplicateReason == null)
            .Select(r => new { r.EntryDigest, r.Reference })
            .ToDictionaryAsync(r => r.EntryDigest!, r => r.Reference, StringComparer.Ordinal, cancellationToken);

    /// <summary>New references, none of them already given: a clash is one in 30 billion a pair, so tried again a few times at most.</summary>
    private static async Task<List<string>> FreshReferencesAsync(ConsultationDbContext db, int count, CancellationToken cancellationToken)
    {
        var references = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < MaxReferenceAttempts && references.Count < count; attempt++)
        {
            while (references.Count < count)
            {
                references.Add(ReferenceCode.Create());
            }

            var list = references.ToList();
            references.ExceptWith(await db.Responses.Where(r => list.Contains(r.Reference)).Select(r => r.Reference).ToListAsync(cancellationToken));
        }

        return [.. references];
    }

    private static Task<PaperImport?> ImportedAsync(ConsultationDbContext db, string digest, CancellationToken cancellationToken) =>
        db.PaperImports.AsNoTracking().SingleOrDefaultAsync(i => i.FileDigest == digest && i.Status == PaperImportStatus.Imported, cancellationToken);

    private ImportRules Rules(PaperImport import, List<ImportVersion> versions) => new(
        versions,
        UkTime.Today(clock),
        new ImportChoices(import.Channel, import.ReceivedOn, import.Batch, versions.Single(v => v.Id == import.ContentVersionId).Number),
        import.ImportKey);

    /// <summary>The versions a row may name: every one that has been published, with the questions that have boxes to tick.</summary>
    public static async Task<List<ImportVersion>> VersionsAsync(ConsultationDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = await db.ContentVersions.AsNoTracking().Where(v => v.State != ContentVersionState.Draft).OrderBy(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.OpensAt }).ToListAsync(cancellationToken);
        var withChoice = (await db.QuestionWordings.AsNoTracking().Where(q => q.HasChoice).Select(q => new { q.ContentVersionId, q.Number }).ToListAsync(cancellationToken))
            .ToLookup(q => q.ContentVersionId, q => q.Number);
        return [.. versions.Select(v => new ImportVersion(v.Id, v.Number, UkTime.DayOf(v.OpensAt), withChoice[v.Id].ToHashSet()))];
    }

    /// <summary>The file's name without any folder a browser sent with it, and no longer than it may be.</summary>
    private static string Tidy(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length <= PaperLimits.ImportFileNameMaxLength ? name : name[^PaperLimits.ImportFileNameMaxLength..];
    }

    /// <summary>Thrown in the writer to roll the import back: rows look like responses already entered, and no reason covers them.</summary>
    private sealed class LookalikesFound : Exception;
}
