using System.Security.Cryptography;
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

    /// <summary>Another web node stored something in the batch at the same moment: nothing was stored, and the import can be tried again.</summary>
    Interrupted,
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

        import.Rows = found.Rows;
        found.Lookalikes.CopyTo(import);
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
        catch (Refused refused) when (refused.Result.Outcome is not ImportOutcome.Interrupted)
        {
            // Rolled back: the held file's lines have problems now (a version's opening day moved, say), or lines
            // look like responses entered since the check. The lookalikes found are kept for the check page.
            result = refused.Result;
            if (refused.Lookalikes is { } found)
            {
                await writes.RunAsync(async db =>
                {
                    // Unless the retention sweep deleted it meanwhile: then the page says it is gone.
                    if (await db.PaperImports.SingleOrDefaultAsync(i => i.Id == id && i.Status == PaperImportStatus.Checked) is { } import)
                    {
                        found.CopyTo(import);
                        await db.SaveChangesAsync();
                    }

                    return true;
                });
            }
        }
        catch (Exception exception) when (exception is DbUpdateException or System.Data.Common.DbException or Refused)
        {
            // Nothing was stored: another web node imported this file, or entered a response a line looks like,
            // between this one's look and its insert. Say which, as if it had been seen first.
            result = await AfterRefusalAsync(id, cancellationToken);
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
        var found = new ImportLookalikes();
        var stored = 0;
        await foreach (var row in ResponseCsv.ReadAsync(new ChunkStream(db, id), Rules(import, await VersionsAsync(db, cancellationToken)), problems, cancellationToken))
        {
            run.Add(row);
            if (run.Count == RunSize)
            {
                stored += await StoreRunAsync(db, import, run, found, reason, importedBy, now, cancellationToken);
            }
        }

        stored += await StoreRunAsync(db, import, run, found, reason, importedBy, now, cancellationToken);
        if (problems.Count > 0)
        {
            // The held file is the one that was checked, but the rules may have moved since: a version's opening day.
            throw new Refused(new(ImportOutcome.HasProblems, import, problems));
        }

        // Without a reason any lookalike stops it; with one, only lookalikes other than those the person saw.
        if (found.Count > 0 && (reason is null || found.Digest() != import.LookalikeDigest))
        {
            throw new Refused(new(ImportOutcome.LooksLikeOnesEntered, import, problems)) { Lookalikes = found };
        }

        var marked = await db.PaperImports.Where(i => i.Id == id && i.Status == PaperImportStatus.Checked).ExecuteUpdateAsync(
            i => i.SetProperty(x => x.Status, PaperImportStatus.Imported)
                .SetProperty(x => x.ImportedBy, importedBy)
                .SetProperty(x => x.ImportedAt, now)
                .SetProperty(x => x.Rows, stored)
                .SetProperty(x => x.DuplicateReason, found.Count > 0 ? reason : null),
            cancellationToken);
        if (marked != 1)
        {
            // Imported, or deleted, by another web node since this write looked: roll back and look again.
            throw new Refused(new(ImportOutcome.Interrupted, import, problems));
        }

        await db.PaperImportChunks.Where(c => c.PaperImportId == id).ExecuteDeleteAsync(cancellationToken);

        // One audit row for the file: each response names who entered it and the import it came in.
        new AuditLog(db, clock).Add(importedBy, AuditActions.ResponsesImported, import.FileName, new
        {
            Import = id,
            Responses = stored,
            import.Channel,
            import.Batch,
            Lookalikes = found.Count,
            DuplicateReason = found.Count > 0 ? reason : null,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new(ImportOutcome.Done, await db.PaperImports.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken), problems);
    }

    /// <summary>
    /// Stores a run of lines, and draws each for a check as an entry is. A lookalike (<see cref="ClassifyAsync"/>)
    /// is stored with the reason, or without one not stored: the import will be refused, but reads on to find them all.
    /// </summary>
    private async Task<int> StoreRunAsync(
        ConsultationDbContext db, PaperImport import, List<ImportRow> run, ImportLookalikes found, string? reason, string importedBy, DateTime now, CancellationToken cancellationToken)
    {
        if (run.Count == 0)
        {
            return 0;
        }

        var lines = await ClassifyAsync(db, run, found, cancellationToken);
        var references = await FreshReferencesAsync(db, run.Count, cancellationToken);
        var responses = new List<Response>(run.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var (row, digest, looksLike) = lines[i];
            if (looksLike && reason is null)
            {
                continue;
            }

            var response = PaperEntry.NewResponse(row.Entry, references[i], digest, looksLike ? reason : null, importedBy, now);
            response.PaperImportId = import.Id;
            response.ImportLine = row.Line;
            responses.Add(response);
        }

        db.Responses.AddRange(responses);
        await db.SaveChangesAsync(cancellationToken);
        var drawn = false;
        foreach (var response in responses)
        {
            drawn |= PaperEntry.DrawForCheck(db, response, options.Value, now);
        }

        if (drawn)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        run.Clear();
        return responses.Count;
    }

    /// <summary>
    /// Reads a file through, checking every line, and finds the lines that look like a response already entered
    /// in the batch or like an earlier line of the file, a run at a time.
    /// </summary>
    private static async Task<(int Rows, ImportLookalikes Lookalikes)> LookalikesAsync(
        ConsultationDbContext db, Stream file, ImportRules rules, ImportProblems problems, CancellationToken cancellationToken)
    {
        var found = new ImportLookalikes();
        var run = new List<ImportRow>(RunSize);
        var rows = 0;
        await foreach (var row in ResponseCsv.ReadAsync(file, rules, problems, cancellationToken))
        {
            rows++;
            run.Add(row);
            if (run.Count == RunSize)
            {
                await ClassifyAsync(db, run, found, cancellationToken);
                run.Clear();
            }
        }

        await ClassifyAsync(db, run, found, cancellationToken);
        return (rows, found);
    }

    /// <summary>
    /// Each line of a run, in order, with its digest and whether it is a lookalike: of an earlier line of the file
    /// (remembered by <paramref name="found"/>), or else of a response already entered that a new one is checked
    /// against. The check and the import both find lookalikes here, so they find the same ones in the same order.
    /// </summary>
    private static async Task<List<(ImportRow Row, string Digest, bool LooksLike)>> ClassifyAsync(
        ConsultationDbContext db, List<ImportRow> run, ImportLookalikes found, CancellationToken cancellationToken)
    {
        var digests = run.ConvertAll(r => EntryDigest.Of(r.Entry));
        var entered = run.Count == 0 ? [] : await EnteredAsync(db, digests, cancellationToken);
        var lines = new List<(ImportRow, string, bool)>(run.Count);
        for (var i = 0; i < run.Count; i++)
        {
            var line = run[i].Line;
            var lookalike = found.EarlierLine(digests[i], line) is { } earlier ? new ImportLookalike(line, null, earlier)
                : entered.TryGetValue(digests[i], out var reference) ? new ImportLookalike(line, reference, null)
                : null;
            if (lookalike is not null)
            {
                found.Add(lookalike);
            }

            lines.Add((run[i], digests[i], lookalike is not null));
        }

        return lines;
    }

    /// <summary>After an import refused by the database: what happened, looked at again on a context of its own.</summary>
    private async Task<ImportResult> AfterRefusalAsync(long id, CancellationToken cancellationToken)
    {
        await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
        var import = await fresh.PaperImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return import is null ? new(ImportOutcome.Gone, null, new ImportProblems())
            : await ImportedAsync(fresh, import.FileDigest, cancellationToken) is { } earlier ? new(ImportOutcome.AlreadyImported, earlier, new ImportProblems())
            : new(ImportOutcome.Interrupted, import, new ImportProblems());
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

    /// <summary>Thrown in the writer to roll the import back, with what to tell the person.</summary>
    private sealed class Refused(ImportResult result) : Exception
    {
        public ImportResult Result { get; } = result;

        /// <summary>The lookalikes found, to keep for the check page.</summary>
        public ImportLookalikes? Lookalikes { get; init; }
    }
}
