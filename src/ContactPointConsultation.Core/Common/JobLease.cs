using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Common;

/// <summary>
/// A row that says which web node is running a background job, until when. A node runs the job only while
/// it holds the lease, so on several nodes the job runs on one; if that node stops, the lease runs out and
/// another takes it.
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime HeldUntil { get; set; }

    /// <summary>Takes the lease, or renews it if this node holds it. False if another node holds it now.</summary>
    public static async Task<bool> TryTakeAsync(ConsultationDbContext db, string name, string holder, DateTime now, TimeSpan hold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = now + hold;

        // One statement: of two nodes at once, the database lets one update the row.
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.HeldUntil < now || l.Holder == holder))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.HeldUntil, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, HeldUntil = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node added the row first: the lease is theirs.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
