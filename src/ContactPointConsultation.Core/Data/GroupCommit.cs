using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Data;

/// <summary>
/// Respondents' writes, committed together. SQLite lets one connection write at a time and each commit
/// waits for the disk; with many writers racing, the losers sleep and retry. So writes go to one queue,
/// and those that arrive together run one after another in one transaction, and share one commit and
/// one flush to disk (group commit). Durability is unchanged: a caller hears "saved" only after the
/// commit that holds its write has reached the disk.
/// <para>
/// A write is a function of a fresh context, so it can run again: if one write in a batch fails, the
/// transaction is rolled back, that write alone gets its exception, and the others run again without
/// it. Writes must not do anything outside the database. See docs/adr/0013-group-commit.md.
/// </para>
/// <para>
/// On a server database each web node has its own writer, and two nodes' batches can lock rows in crossing orders:
/// the database then ends one of them as a deadlock. That is no fault of the write, so the batch is run again with
/// it, a few times, rather than telling its respondent that their answers were not saved.
/// </para>
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 256;

    /// <summary>How many times one write is run when the database ends it to break a deadlock.</summary>
    public const int AttemptsOnConflict = 3;

    private readonly IDbContextFactory<ConsultationDbContext> _dbFactory;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommit(IDbContextFactory<ConsultationDbContext> dbFactory)
    {
        _dbFactory = dbFactory;

        // The writer outlives the request that first needed it: it must not carry that request's trace
        // and logging scope into every write after.
        using (ExecutionContext.SuppressFlow())
        {
            _writer = Task.Run(WriteAllAsync);
        }
    }

    /// <summary>Runs <paramref name="write"/> in the next batch; completes once that batch is committed.</summary>
    public Task<T> RunAsync<T>(Func<ConsultationDbContext, Task<T>> write)
    {
        var queued = new Write<T>(write);
        return _queue.Writer.TryWrite(queued)
            ? queued.Done.Task
            : Task.FromException<T>(new ObjectDisposedException(nameof(GroupCommit)));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Write>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Write> batch)
    {
        while (batch.Count > 0)
        {
            Write? failed = null;
            Exception? failure = null;
            try
            {
                await using var db = await _dbFactory.CreateDbContextAsync();
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    failed = null;
                    var transaction = await db.Database.BeginTransactionAsync();
                    try
                    {
                        foreach (var write in batch)
                        {
                            try
                            {
                                await write.RunAsync(db);
                            }
                            catch (Exception exception)
                            {
                                (failed, failure) = (write, exception);
                                break;
                            }
                            finally
                            {
                                db.ChangeTracker.Clear();
                            }
                        }

                        if (failed is null)
                        {
                            await transaction.CommitAsync();
                        }
                    }
                    finally
                    {
                        await RollBackUnlessCommittedAsync(transaction);
                    }
                });
            }
            catch (Exception exception)
            {
                // Beginning or committing failed (a full disk, a lock held too long): nothing in the batch was stored.
                foreach (var write in batch)
                {
                    write.Fail(exception);
                }

                return;
            }

            if (failed is null)
            {
                foreach (var write in batch)
                {
                    write.Complete();
                }

                return;
            }

            if (IsConflict(failure!) && ++failed.Conflicts < AttemptsOnConflict)
            {
                continue;
            }

            failed.Fail(failure!);
            batch.Remove(failed);
        }
    }

    /// <summary>
    /// A deadlock or a serialization failure: the database ended the write to let another transaction through, and
    /// the same write run again will succeed. PostgreSQL says so by its SQLSTATE; SQL Server's deadlock victim (1205)
    /// and SQLite's busy and locked errors say so as transient.
    /// </summary>
    private static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: "40P01" or "40001" } or DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After a failed write SQLite may already have rolled the transaction back itself; that must not
    /// hide the write's own exception.
    /// </summary>
    private static async Task RollBackUnlessCommittedAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        try
        {
            await transaction.DisposeAsync();
        }
        catch (DbException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }

    private abstract class Write
    {
        /// <summary>How many times the database has ended this write to break a deadlock.</summary>
        public int Conflicts { get; set; }

        public abstract Task RunAsync(ConsultationDbContext db);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<ConsultationDbContext, Task<T>> write) : Write
    {
        private T? _result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(ConsultationDbContext db) => _result = await write(db);

        public override void Complete() => Done.TrySetResult(_result!);

        public override void Fail(Exception exception) => Done.TrySetException(exception);
    }
}
