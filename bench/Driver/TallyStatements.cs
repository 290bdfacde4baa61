using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Driver;

/// <summary>
/// `Driver tally-statements`: what one batch's upsert of the results' tallies costs SQLite, written as one
/// statement of many rows, as several smaller ones, or as one statement of one JSON parameter, on a WAL file with synchronous off, so that the
/// statement's own cost shows and not the disk's. Each batch is its own transaction; the figures are the
/// mean over 3,000 batches after 300 to warm up (docs/performance.md, "Sends with the tallies").
/// </summary>
internal static class TallyStatements
{
    private const string Conflict = """
        ON CONFLICT ("Day", "ContentVersionId", "AgeGroup", "AnsweringAs", "QuestionNumber", "Choice")
        DO UPDATE SET "Count" = "ResultTallies"."Count" + excluded."Count"
        """;

    public static int Run()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tally-statements-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
            Execute(connection, """
                CREATE TABLE "ResultTallies" ("Day" TEXT NOT NULL, "ContentVersionId" INTEGER NOT NULL, "AgeGroup" TEXT NOT NULL,
                "AnsweringAs" TEXT NOT NULL, "QuestionNumber" INTEGER NOT NULL, "Choice" TEXT NOT NULL, "Count" INTEGER NOT NULL,
                PRIMARY KEY ("Day", "ContentVersionId", "AgeGroup", "AnsweringAs", "QuestionNumber", "Choice"));
                """);
            foreach (var rows in new[] { 12, 34, 100, 285 })
            {
                foreach (var size in new[] { rows, 50, 20, 10, 5 }.Where(s => s <= rows).Distinct())
                {
                    var took = Time(connection, rows, batch =>
                    {
                        foreach (var chunk in batch.Chunk(size))
                        {
                            Upsert(connection, chunk);
                        }
                    });
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} rows, {size} rows a statement: {took:F0} µs a batch"));
                }

                var json = Time(connection, rows, batch => UpsertJson(connection, batch));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} rows, one JSON parameter: {json:F0} µs a batch"));
            }

            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Upsert(SqliteConnection connection, object[][] rows)
    {
        using var command = connection.CreateCommand();
        var sql = new StringBuilder("""INSERT INTO "ResultTallies" VALUES """);
        for (var r = 0; r < rows.Length; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var k = 0; k < rows[r].Length; k++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{(r * rows[r].Length) + k}");
                sql.Append(k == 0 ? "" : ", ").Append(name);
                command.Parameters.AddWithValue(name, rows[r][k]);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(Conflict).ToString();
        command.ExecuteNonQuery();
    }

    /// <summary>The rows as one JSON array in one parameter, taken apart by json_each, as the portal writes them.</summary>
    private static void UpsertJson(SqliteConnection connection, object[][] rows)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO "ResultTallies"
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(@rows) WHERE true
            {Conflict}
            """;
        command.Parameters.AddWithValue("@rows", JsonSerializer.Serialize(rows));
        command.ExecuteNonQuery();
    }

    private static double Time(SqliteConnection connection, int rows, Action<object[][]> upsert)
    {
        // Rows as a day's sends make them: the age groups and choices vary, the day and version do not.
        string[] ages = ["", "under-11", "11-to-13", "14-to-16", "17-to-18"];
        string[] choices = ["Yes", "No", "NotSure"];
        var random = new Random(20261204);
        var batches = Enumerable.Range(0, 3300).Select(_ => Enumerable.Range(0, rows)
            .Select(i => new object[] { "2026-12-04", 1, ages[random.Next(ages.Length)], "", i % 12, choices[random.Next(choices.Length)], 1 }).ToArray()).ToList();
        var started = 0L;
        for (var i = 0; i < batches.Count; i++)
        {
            if (i == 300)
            {
                started = Stopwatch.GetTimestamp();
            }

            using var transaction = connection.BeginTransaction();
            upsert(batches[i]);
            transaction.Commit();
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / (batches.Count - 300);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
