using System.Data.Common;
using System.Diagnostics;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ContactPointConsultation.Tests.Respond;

/// <summary>
/// The single writer behind every respondent save and send, on a real SQLite database with the real
/// migrations. Writes queued while the writer is busy go into the next batch together.
/// </summary>
public class GroupCommitTests(SharedPortal portal)
{
    [Fact]
    public async Task WritesQueuedTogether_AreAllStored_WithOneCommit()
    {
        var commits = new CountCommits();
        await using var writes = NewGroupCommit(commits);
        var (first, release) = await BusyWriterAsync(writes, commits.Prefix);
        var queued = Enumerable.Range(0, 20).Select(_ => writes.RunAsync(db => AddDraftAsync(db, commits.Prefix))).ToList();

        release();
        var ids = await Task.WhenAll([first, .. queued]);

        Assert.Equal(21, await portal.QueryAsync(db => db.Drafts.CountAsync(d => ids.Contains(d.Id))));
        Assert.Equal(2, commits.Count);
    }

    [Fact]
    public async Task AFailingWrite_FailsAlone_AndTheRestOfItsBatchIsStored()
    {
        var commits = new CountCommits();
        await using var writes = NewGroupCommit(commits);
        var (first, release) = await BusyWriterAsync(writes, commits.Prefix);
        var before = writes.RunAsync(db => AddDraftAsync(db, commits.Prefix));
        var failing = writes.RunAsync<Guid>(async db =>
        {
            await AddDraftAsync(db, commits.Prefix);
            throw new SqliteException("disk I/O error", 10);
        });
        var after = writes.RunAsync(db => AddDraftAsync(db, commits.Prefix));

        release();

        var failure = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Equal("disk I/O error", failure.Message);
        var stored = await Task.WhenAll(first, before, after);
        Assert.Equal(3, await portal.QueryAsync(db => db.Drafts.CountAsync(d => stored.Contains(d.Id))));
        // The failing write's own draft was rolled back with it.
        Assert.Equal(3, await portal.QueryAsync(db => db.Drafts.CountAsync(d => d.TokenHash.StartsWith(commits.Prefix))));
        Assert.Equal(2, commits.Count);
    }

    [Fact]
    public async Task ACommitThatFails_FailsEveryWriteInTheBatch_AndStoresNone()
    {
        var commits = new CountCommits { FailNext = true };
        await using var writes = NewGroupCommit(commits);
        var first = writes.RunAsync(db => AddDraftAsync(db, commits.Prefix));

        var failure = await Assert.ThrowsAsync<SqliteException>(() => first);
        var second = await writes.RunAsync(db => AddDraftAsync(db, commits.Prefix));

        Assert.Contains("database or disk is full", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, await portal.QueryAsync(db => db.Drafts.CountAsync(d => d.TokenHash.StartsWith(commits.Prefix))));
        Assert.Equal(1, await portal.QueryAsync(db => db.Drafts.CountAsync(d => d.Id == second)));
    }

    [Fact]
    public async Task TheWriter_DoesNotCarryTheTraceOfTheRequestThatStartedIt()
    {
        GroupCommit writes;
        using (new Activity("the first request").Start())
        {
            writes = NewGroupCommit(new CountCommits());
        }

        await using (writes)
        {
            Assert.Null(await writes.RunAsync(_ => Task.FromResult(Activity.Current?.OperationName)));
        }
    }

    private GroupCommit NewGroupCommit(CountCommits commits)
    {
        var options = portal.Database.Options()
            .AddInterceptors(commits)
            .Options;
        return new GroupCommit(new PooledDbContextFactory<ConsultationDbContext>(options));
    }

    /// <summary>A first write that holds the writer until released, so later writes queue up behind it.</summary>
    private static async Task<(Task<Guid> First, Action Release)> BusyWriterAsync(GroupCommit writes, string prefix)
    {
        var started = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        var first = writes.RunAsync(async db =>
        {
            started.SetResult();
            await gate.Task;
            return await AddDraftAsync(db, prefix);
        });
        await started.Task;
        return (first, gate.SetResult);
    }

    private static async Task<Guid> AddDraftAsync(ConsultationDbContext db, string prefix)
    {
        var version = await db.ContentVersions.Where(v => v.State == ContentVersionState.Live).Select(v => v.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var draft = new Draft
        {
            Id = Guid.NewGuid(),
            TokenHash = $"{prefix}{Guid.NewGuid():N}",
            ContentVersionId = version,
            SubmissionKey = Guid.NewGuid(),
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddDays(1),
        };
        db.Drafts.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    /// <summary>Counts commits, and can fail the next one as a full disk would. Its prefix marks one test's drafts.</summary>
    private sealed class CountCommits : DbTransactionInterceptor
    {
        private int _count;

        public string Prefix { get; } = $"T{Guid.NewGuid():N}"[..12];

        public int Count => _count;

        public bool FailNext { get; set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
            }

            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}

public sealed class GroupCommitTestsOnPostgreSql(SharedPostgreSqlPortal portal) : GroupCommitTests(portal), IClassFixture<SharedPostgreSqlPortal>;
