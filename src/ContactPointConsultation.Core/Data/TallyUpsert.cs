using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Data;

/// <summary>
/// Adds counts to tally rows by key, creating a row at its count where there is none: the database's own
/// upsert, one statement for many rows, in the caller's transaction. <c>INSERT … ON CONFLICT … DO UPDATE</c> on
/// SQLite (and PostgreSQL, which shares the syntax); <c>MERGE … WITH (HOLDLOCK)</c> on SQL Server, so two
/// writers creating the same row at once do not both insert it. The one home of the tallies' SQL
/// (docs/adr/0022-result-tallies.md).
/// </summary>
public static class TallyUpsert
{
    /// <summary>
    /// Rows a statement. SQLite finds each named parameter by a linear search of the statement's names, so
    /// binding costs the square of their number: 285 rows (1,995 parameters) in one statement took 11.4 ms, in
    /// statements of 10 rows 1.3 ms (`bench/Driver tally-statements`, docs/performance.md "Sends with the
    /// tallies"). Well under SQL Server's 2,100 parameters too.
    /// </summary>
    private const int RowsPerStatement = 10;

    /// <param name="db">The context, in the caller's transaction.</param>
    /// <param name="table">The tally table.</param>
    /// <param name="keys">The key columns, which are never null.</param>
    /// <param name="counts">The count columns, added to.</param>
    /// <param name="rows">Each row's key values then count values, in the columns' order; at most one row a key.</param>
    public static async Task AddAsync(
        ConsultationDbContext db, string table, IReadOnlyList<string> keys, IReadOnlyList<string> counts, IEnumerable<object[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(rows);
        var width = keys.Count + counts.Count;
        var sqlServer = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var (list, values) = ValuesList(chunk, width);
            var sql = sqlServer ? SqlServer(table, keys, counts, list) : OnConflict(table, keys, counts, list);
            await db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
        }
    }

    private static string Quoted(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private static string OnConflict(string table, IReadOnlyList<string> keys, IReadOnlyList<string> counts, string list) => $"""
        INSERT INTO "{table}" ({Quoted(keys.Concat(counts))}) VALUES {list}
        ON CONFLICT ({Quoted(keys)})
        DO UPDATE SET {string.Join(", ", counts.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\""))}
        """;

    private static string SqlServer(string table, IReadOnlyList<string> keys, IReadOnlyList<string> counts, string list)
    {
        var columns = Quoted(keys.Concat(counts));
        return $"""
            MERGE "{table}" WITH (HOLDLOCK) AS t
            USING (VALUES {list}) AS s ({columns})
            ON {string.Join(" AND ", keys.Select(k => $"t.\"{k}\" = s.\"{k}\""))}
            WHEN MATCHED THEN UPDATE SET {string.Join(", ", counts.Select(c => $"\"{c}\" = t.\"{c}\" + s.\"{c}\""))}
            WHEN NOT MATCHED THEN INSERT ({columns}) VALUES ({string.Join(", ", keys.Concat(counts).Select(c => $"s.\"{c}\""))});
            """;
    }

    private static (string List, object[] Values) ValuesList(object[][] rows, int width)
    {
        var list = new StringBuilder();
        var values = new List<object>(rows.Length * width);
        foreach (var row in rows)
        {
            list.Append(values.Count == 0 ? "(" : ", (");
            for (var i = 0; i < width; i++)
            {
                list.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"{{{values.Count}}}");
                values.Add(row[i]);
            }

            list.Append(')');
        }

        return (list.ToString(), [.. values]);
    }
}
