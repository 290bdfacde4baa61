using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Driver;

/// <summary>Writes responses straight into a database the portal has already migrated.</summary>
public static class Seeding
{
    private const string Alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ23456789";
    private const int FirstQuestion = 2;
    private const int LastQuestion = 12;

    /// <summary>
    /// Seeds <paramref name="count"/> more responses, many to a transaction: setting up, not measured.
    /// Seeding again carries on numbering the references after those already there.
    /// </summary>
    public static int Seed(string databasePath, int count)
    {
        using var connection = Open(databasePath);
        var version = LiveVersion(connection);
        var first = SeededSoFar(connection);
        var random = new Random(20261124);
        var start = DateTime.UtcNow.AddDays(-60);
        var watch = Stopwatch.StartNew();
        using var insert = new ResponseInserter(connection, version);
        for (var done = 0; done < count;)
        {
            using var transaction = connection.BeginTransaction();
            insert.Use(transaction);
            for (var i = 0; i < 20_000 && done < count; i++, done++)
            {
                insert.Write($"S{Encode(first + done)}", start.AddSeconds(done * 60.0 * 60 * 24 * 60 / count), random);
            }

            transaction.Commit();
        }

        Console.WriteLine($"seeded {count} responses in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>
    /// The yardstick for submissions: each response and its answers in a transaction of its own, on one
    /// connection with the portal's own settings (WAL, SQLite's default synchronous), so each commit waits
    /// for the disk as the portal's does. Prints responses a second.
    /// </summary>
    public static int DurableInsert(string databasePath, int count)
    {
        using var connection = Open(databasePath);
        var version = LiveVersion(connection);
        var random = new Random(7);
        using var insert = new ResponseInserter(connection, version);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var transaction = connection.BeginTransaction();
            insert.Use(transaction);
            insert.Write($"D{Encode(i)}", DateTime.UtcNow, random);
            transaction.Commit();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"durable-insert {count / watch.Elapsed.TotalSeconds:F1} per s"));
        return 0;
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous;";
        using var reader = wal.ExecuteReader();
        reader.NextResult();
        reader.Read();
        if (reader.GetInt32(0) < 2)
        {
            throw new InvalidOperationException("synchronous is below FULL: the yardstick would not be durable");
        }

        return connection;
    }

    private static int SeededSoFar(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Responses WHERE Reference LIKE 'S%'";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long LiveVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM ContentVersions WHERE State = 'Live'";
        return (long)command.ExecuteScalar()!;
    }

    private static string Encode(int number)
    {
        var code = new char[7];
        for (var i = code.Length - 1; i >= 0; i--)
        {
            code[i] = Alphabet[number % Alphabet.Length];
            number /= Alphabet.Length;
        }

        return new string(code);
    }

    /// <summary>Two prepared commands, reused for every row.</summary>
    private sealed class ResponseInserter : IDisposable
    {
        private readonly SqliteCommand _response;
        private readonly SqliteCommand _answer;

        public ResponseInserter(SqliteConnection connection, long version)
        {
            _response = connection.CreateCommand();
            _response.CommandText = """
                INSERT INTO Responses (Reference, SubmissionKey, ContentVersionId, AgeGroup, AnsweringAs, SubmittedAt, ScreenedAt)
                VALUES ($reference, $key, $version, $age, 'YoungPerson', $at, $at) RETURNING Id
                """;
            foreach (var name in new[] { "$reference", "$key", "$age", "$at" })
            {
                _response.Parameters.Add(name, SqliteType.Text);
            }

            _response.Parameters.AddWithValue("$version", version);
            _answer = connection.CreateCommand();
            _answer.CommandText = "INSERT INTO ResponseAnswers (ResponseId, QuestionNumber, Choice, Comments) VALUES ($id, $number, $choice, $comments)";
            _answer.Parameters.Add("$id", SqliteType.Integer);
            _answer.Parameters.Add("$number", SqliteType.Integer);
            _answer.Parameters.Add("$choice", SqliteType.Text);
            _answer.Parameters.Add("$comments", SqliteType.Text);
        }

        public void Use(SqliteTransaction transaction)
        {
            _response.Transaction = transaction;
            _answer.Transaction = transaction;
        }

        public void Write(string reference, DateTime submittedAt, Random random)
        {
            _response.Parameters["$reference"].Value = reference;
            _response.Parameters["$key"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            _response.Parameters["$age"].Value = (object?)SyntheticText.StoredAgeGroup(random) ?? DBNull.Value;
            _response.Parameters["$at"].Value = submittedAt.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
            var id = (long)_response.ExecuteScalar()!;
            for (var number = FirstQuestion; number <= LastQuestion; number++)
            {
                var choice = number == LastQuestion ? null : SyntheticText.StoredChoice(random);
                var comments = SyntheticText.Comment(random);
                if (choice is null && comments is null)
                {
                    // The portal stores nothing for a question left blank.
                    continue;
                }

                _answer.Parameters["$id"].Value = id;
                _answer.Parameters["$number"].Value = number;
                _answer.Parameters["$choice"].Value = (object?)choice ?? DBNull.Value;
                _answer.Parameters["$comments"].Value = (object?)comments ?? DBNull.Value;
                _answer.ExecuteNonQuery();
            }
        }

        public void Dispose()
        {
            _response.Dispose();
            _answer.Dispose();
        }
    }
}
