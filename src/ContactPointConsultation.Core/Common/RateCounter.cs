using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Common;

/// <summary>
/// A count of attempts in a fixed window, kept in the shared database so that every web node counts the same
/// attempts: with counts in each node's memory, two nodes let twice the limit through. Also a claim that lasts
/// until released or until it runs out, for "one at a time" across nodes. The key is a hash, so the table holds
/// no addresses or email addresses; the retention sweep removes rows whose window has ended.
/// </summary>
public sealed class RateCounter
{
    public string Key { get; set; } = "";
    public int Count { get; set; }
    public DateTime WindowEnds { get; set; }

    /// <summary>The stored key for a limit and what it counts (an address, an account).</summary>
    public static string KeyFor(string limit, string counted) => SecretHash.Of($"{limit}\n{counted}");

    /// <summary>
    /// Counts one attempt, in one statement, and returns the window's count including it: a new window starts at 1
    /// once the old one has ended. Two nodes at once are serialised by the row.
    /// </summary>
    public static async Task<int> TakeAsync(ConsultationDbContext db, string key, DateTime now, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ends = now + window;
        var sql = DatabaseProvider.IsSqlServer(db)
            ? """
              MERGE "RateCounters" WITH (HOLDLOCK) AS t USING (SELECT {0} AS "Key") AS s ON t."Key" = s."Key"
              WHEN MATCHED THEN UPDATE SET
                  "Count" = CASE WHEN t."WindowEnds" <= {2} THEN 1 ELSE t."Count" + 1 END,
                  "WindowEnds" = CASE WHEN t."WindowEnds" <= {2} THEN {1} ELSE t."WindowEnds" END
              WHEN NOT MATCHED THEN INSERT ("Key", "Count", "WindowEnds") VALUES ({0}, 1, {1})
              OUTPUT inserted."Count" AS "Value";
              """
            : """
              INSERT INTO "RateCounters" ("Key", "Count", "WindowEnds") VALUES ({0}, 1, {1})
              ON CONFLICT ("Key") DO UPDATE SET
                  "Count" = CASE WHEN "RateCounters"."WindowEnds" <= {2} THEN 1 ELSE "RateCounters"."Count" + 1 END,
                  "WindowEnds" = CASE WHEN "RateCounters"."WindowEnds" <= {2} THEN excluded."WindowEnds" ELSE "RateCounters"."WindowEnds" END
              RETURNING "Count" AS "Value"
              """;
        var counts = await db.Database.SqlQueryRaw<int>(sql, key, ends, now).ToListAsync(cancellationToken);
        return counts.Single();
    }

    /// <summary>
    /// Claims the key until <paramref name="until"/> unless someone holds an unexpired claim on it. True if it is
    /// now this caller's; <see cref="Release"/> gives it up.
    /// </summary>
    public static async Task<bool> TryClaimAsync(ConsultationDbContext db, string key, DateTime now, DateTime until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = DatabaseProvider.IsSqlServer(db)
            ? """
              MERGE "RateCounters" WITH (HOLDLOCK) AS t USING (SELECT {0} AS "Key") AS s ON t."Key" = s."Key"
              WHEN MATCHED AND t."WindowEnds" <= {2} THEN UPDATE SET "Count" = 1, "WindowEnds" = {1}
              WHEN NOT MATCHED THEN INSERT ("Key", "Count", "WindowEnds") VALUES ({0}, 1, {1})
              OUTPUT inserted."Count" AS "Value";
              """
            : """
              INSERT INTO "RateCounters" ("Key", "Count", "WindowEnds") VALUES ({0}, 1, {1})
              ON CONFLICT ("Key") DO UPDATE SET "Count" = 1, "WindowEnds" = excluded."WindowEnds"
              WHERE "RateCounters"."WindowEnds" <= {2}
              RETURNING "Count" AS "Value"
              """;
        return (await db.Database.SqlQueryRaw<int>(sql, key, until, now).ToListAsync(cancellationToken)).Count == 1;
    }

    /// <summary>
    /// Gives up a claim, if it is still the one this caller made. Synchronous: it is called from a rate limiter's
    /// lease, whose Dispose is; a claim left behind by a failure here runs out by itself.
    /// </summary>
    public static int Release(ConsultationDbContext db, string key, DateTime until)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.RateCounters.Where(c => c.Key == key && c.WindowEnds == until).ExecuteDelete();
    }
}
