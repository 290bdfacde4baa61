using System.Diagnostics;
using System.Globalization;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Driver;

/// <summary>
/// `Driver tally-upsert`: what the portal's own code (<see cref="ResultTallies.AddAsync"/>, through EF Core) takes
/// to write the results' tallies of one batch of sends, for batches of 1 to 64, on a WAL file with synchronous
/// off so that the statement's cost shows and not the disk's. Each batch is its own transaction; the figures are
/// the mean over 2,000 batches after 200 to warm up (docs/performance.md, "Sends with the tallies").
/// </summary>
internal static class TallyUpsertTiming
{
    public static async Task<int> RunAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tally-upsert-{Guid.NewGuid():N}.db");
        // The tallies' foreign key to the wording is left off: the file holds nothing else.
        var options = new DbContextOptionsBuilder<ConsultationDbContext>().UseSqlite($"Data Source={path};Foreign Keys=False;Pooling=False").Options;
        try
        {
            await using (var setup = new ConsultationDbContext(options))
            {
                await setup.Database.EnsureCreatedAsync();
                await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var random = new Random(20261204);
            AgeGroup?[] ages = [null, .. Enum.GetValues<AgeGroup>()];
            AnsweringAs?[] answeringAs = [null, .. Enum.GetValues<AnsweringAs>()];
            Choice?[] choices = [null, .. Enum.GetValues<Choice>()];
            var day = new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);
            foreach (var sends in new[] { 1, 8, 24, 64 })
            {
                var took = 0.0;
                for (var i = 0; i < 2200; i++)
                {
                    var rows = Enumerable.Range(0, sends).SelectMany(_ => ResultTallies.Of(day, 1, ages[random.Next(ages.Length)], answeringAs[random.Next(answeringAs.Length)],
                        [.. Enumerable.Range(2, 11).Select(q => (q, choices[random.Next(choices.Length)]))])).ToList();
                    await using var db = new ConsultationDbContext(options);
                    await db.Database.OpenConnectionAsync();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF;");
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    var started = Stopwatch.GetTimestamp();
                    await ResultTallies.AddAsync(db, rows);
                    if (i >= 200)
                    {
                        took += Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                    }

                    await transaction.CommitAsync();
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sends} sends a batch: {took / 2000:F0} µs a batch, {took / 2000 / sends:F0} µs a send"));
            }

            return 0;
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
    }
}
