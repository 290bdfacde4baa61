using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Data;

/// <summary>
/// Adds counts to tally rows by key, creating a row at its count where there is none: the database's own
/// upsert, in the caller's transaction, and the one home of the tallies' SQL (docs/adr/0022-result-tallies.md).
/// <list type="bullet">
/// <item>SQLite: <c>INSERT … SELECT … FROM json_each(@rows) … ON CONFLICT … DO UPDATE</c>, every row in one
/// statement with one parameter, a JSON array of the rows.</item>
/// <item>PostgreSQL: the same upsert, reading the rows with <c>json_populate_recordset</c>, which gives each value
/// its column's type (PostgreSQL will not put the text <c>-&gt;&gt;</c> returns into an integer or date column).</item>
/// <item>SQL Server: <c>MERGE … WITH (HOLDLOCK)</c> from a <c>VALUES</c> list, so two writers creating the same
/// row at once do not both insert it.</item>
/// </list>
/// </summary>
public static class TallyUpsert
{
    /// <summary>
    /// Rows a SQL Server statement, well under its 2,100 parameters. SQLite does not use it: it finds each named
    /// parameter by a linear search of the statement's names, so binding costs the square of their number, and
    /// even in statements of 10 rows a batch of sends' tallies cost twice what one JSON parameter does
    /// (`bench/Driver tally-statements` and `tally-upsert`, docs/performance.md "Sends with the tallies").
    /// </summary>
    private const int RowsPerStatement = 10;

    /// <param name="db">The context, in the caller's transaction.</param>
    /// <param name="table">The tally table.</param>
    /// <param name="keys">The key columns, which are never null.</param>
    /// <param name="counts">The count columns, added to.</param>
    /// <param name="rows">
    /// Each row's key values then count values, in the columns' order, each an <see cref="int"/>, a
    /// <see cref="string"/> or a <see cref="DateOnly"/>; at most one row a key.
    /// </param>
    public static async Task AddAsync(
        ConsultationDbContext db, string table, IReadOnlyList<string> keys, IReadOnlyList<string> counts, IEnumerable<object[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(rows);
        var width = keys.Count + counts.Count;
        if (!DatabaseProvider.IsSqlServer(db))
        {
            var postgreSql = DatabaseProvider.IsPostgreSql(db);
            var json = JsonRows(rows, width, postgreSql ? [.. keys, .. counts] : null);
            if (json is not null)
            {
                await db.Database.ExecuteSqlRawAsync(postgreSql ? PopulateOnConflict(table, keys, counts) : OnConflict(table, keys, counts), [json], cancellationToken);
            }

            return;
        }

        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var (list, values) = ValuesList(chunk, width);
            await db.Database.ExecuteSqlRawAsync(SqlServer(table, keys, counts, list), values, cancellationToken);
        }
    }

    private static string Quoted(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    /// <summary>The placeholder ExecuteSqlRaw makes a parameter of, for the JSON of the rows.</summary>
    private const string RowsParameter = "{0}";

    // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join of the SELECT.
    private static string OnConflict(string table, IReadOnlyList<string> keys, IReadOnlyList<string> counts) => $"""
        INSERT INTO "{table}" ({Quoted(keys.Concat(counts))})
        SELECT {string.Join(", ", keys.Concat(counts).Select((_, i) => $"value ->> {i}"))} FROM json_each({RowsParameter}) WHERE true
        ON CONFLICT ({Quoted(keys)})
        DO UPDATE SET {string.Join(", ", counts.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\""))}
        """;

    private static string PopulateOnConflict(string table, IReadOnlyList<string> keys, IReadOnlyList<string> counts) => $"""
        INSERT INTO "{table}" ({Quoted(keys.Concat(counts))})
        SELECT {Quoted(keys.Concat(counts))} FROM json_populate_recordset(NULL::"{table}", {RowsParameter}::json)
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

    /// <summary>
    /// The rows as one JSON array, written by hand rather than serialized, since it is on the send's
    /// path; a <see cref="DateOnly"/> as the ISO text EF Core stores it as. Each row is an array, or with
    /// <paramref name="names"/> an object of the columns' names. Null when there are no rows.
    /// </summary>
    private static string? JsonRows(IEnumerable<object[]> rows, int width, IReadOnlyList<string>? names)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                if (names is null)
                {
                    json.WriteStartArray();
                }
                else
                {
                    json.WriteStartObject();
                }

                for (var i = 0; i < width; i++)
                {
                    if (names is not null)
                    {
                        json.WritePropertyName(names[i]);
                    }

                    switch (row[i])
                    {
                        case int number:
                            json.WriteNumberValue(number);
                            break;
                        case string text:
                            json.WriteStringValue(text);
                            break;
                        case DateOnly day:
                            json.WriteStringValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                            break;
                        default:
                            throw new ArgumentException($"A tally value is an int, a string or a DateOnly, not {row[i]?.GetType().Name ?? "null"}.", nameof(rows));
                    }
                }

                if (names is null)
                {
                    json.WriteEndArray();
                }
                else
                {
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
        }

        return buffer.WrittenCount == 2 ? null : Encoding.UTF8.GetString(buffer.WrittenSpan);
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
