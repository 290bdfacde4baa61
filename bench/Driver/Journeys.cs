using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Driver;

/// <summary>Whole journeys by many people at once, as the portal's own pages lead them.</summary>
public static class Journeys
{
    /// <summary>
    /// Journeys by <paramref name="concurrency"/> people at a time, each a new person: start page, eleven
    /// questions, About you, check answers, send. Timed once their rate has settled, as wrk's tests are: a
    /// journey reaches far more of the portal than the two pages wrk repeats, and under load all of it is
    /// compiled again, optimised. The people keep going while the portal's responses are counted in 5-second
    /// windows, at least four, until two running agree within 5% (at most 120 s: a journey's code takes longer
    /// than wrk's two pages to settle); then the next <paramref name="count"/> journeys to finish are timed,
    /// and the people stop. Responses are counted rather than journeys because people who start together
    /// finish together, in waves a window can fall in step with. Prints journeys a second and the errors of
    /// the whole run. The first person also checks that every form it sends was read from its page as
    /// AngleSharp reads it (<see cref="Browser.CheckForms"/>).
    /// </summary>
    public static async Task<int> RunAsync(Uri baseUrl, int concurrency, int count)
    {
        var errors = new ConcurrentQueue<string>();
        var (next, finished, stop) = (-1, 0, false);
        var people = Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!Volatile.Read(ref stop))
            {
                var person = Interlocked.Increment(ref next);
                using var browser = Browser.Create(baseUrl);
                browser.CheckForms = person == 0;
                try
                {
                    await AnswerEverythingAsync(browser, new Random(person));
                    await browser.SubmitAsync();
                    if (browser.Path != "/confirmation")
                    {
                        errors.Enqueue($"person {person} ended on {browser.Path}");
                    }
                }
                catch (HttpRequestException exception)
                {
                    errors.Enqueue($"person {person}: {exception.Message}");
                }
                catch (TaskCanceledException)
                {
                    errors.Enqueue($"person {person}: no answer within {browser.Timeout.TotalMinutes:F0} minutes");
                }
                catch (InvalidOperationException exception)
                {
                    // A page without its form, or, for the person checking, a form the scanner read differently
                    // from AngleSharp: then no figure of this run can be trusted, and it stops.
                    errors.Enqueue($"person {person}: {exception.Message}");
                    if (browser.CheckForms)
                    {
                        Volatile.Write(ref stop, true);
                    }
                }

                Interlocked.Increment(ref finished);
            }
        }));

        var warmUp = Stopwatch.StartNew();
        var (windows, last) = (0, 0.0);
        while (warmUp.Elapsed < TimeSpan.FromSeconds(120) && !people.IsCompleted)
        {
            // A rate over the window's own length: on cores this busy the delay may run long.
            var (before, window) = (Browser.ResponsesSoFar, Stopwatch.StartNew());
            await Task.Delay(TimeSpan.FromSeconds(5));
            var rate = (Browser.ResponsesSoFar - before) / window.Elapsed.TotalSeconds;
            windows++;
            if (windows >= 4 && Math.Abs(rate - last) < last * 0.05)
            {
                break;
            }

            last = rate;
        }

        var start = Volatile.Read(ref finished);
        var watch = Stopwatch.StartNew();
        while (Volatile.Read(ref finished) < start + count && !people.IsCompleted)
        {
            await Task.Delay(10);
        }

        var (elapsed, timed) = (watch.Elapsed, Volatile.Read(ref finished) - start);
        Volatile.Write(ref stop, true);
        await people;
        Report("journeys", timed, elapsed, errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timed after {warmUp.Elapsed.TotalSeconds:F0} s of warm-up ({start} journeys); {Volatile.Read(ref finished)} in all"));
        return errors.IsEmpty ? 0 : 1;
    }

    /// <summary>
    /// Submissions alone: <paramref name="count"/> people answer everything first (not timed), then all
    /// send, <paramref name="concurrency"/> at a time. The first fifth warm up; the rest are timed.
    /// Prints sends a second and, given the portal's process id, the CPU time the portal spent on each timed
    /// send, during the sends and with the work they leave for after them, until the portal is quiet: on shared
    /// cores the rate also moves with other tenants' load, and the CPU counts only the portal's own work (Linux
    /// only: it reads /proc).
    /// </summary>
    public static async Task<int> SendsAsync(Uri baseUrl, int concurrency, int count, int? portalProcess)
    {
        var errors = new ConcurrentQueue<string>();
        var ready = new ConcurrentBag<Browser>();
        using (var gate = new SemaphoreSlim(concurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async person =>
            {
                await gate.WaitAsync();
                try
                {
                    var browser = Browser.Create(baseUrl);
                    await AnswerEverythingAsync(browser, new Random(person));
                    ready.Add(browser);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        // The first sends warm the portal up (as wrk's runs are preceded by a warm-up) and are not timed.
        var all = ready.ToArray();
        var warmUp = new ConcurrentQueue<Browser>(all.Take(all.Length / 5));
        var timed = new ConcurrentQueue<Browser>(all.Skip(all.Length / 5));
        await SendAllAsync(warmUp, concurrency, errors);

        // What the warm-up left for after it (the safeguarding screen) is done before the timing starts, so
        // the work after the timed sends is theirs alone.
        await WaitUntilQuietAsync(portalProcess);
        var cpuBefore = CpuTime(portalProcess);
        var watch = Stopwatch.StartNew();
        await SendAllAsync(timed, concurrency, errors);
        var cpu = CpuTime(portalProcess) - cpuBefore;
        Report("sends", all.Length - (all.Length / 5), watch.Elapsed, errors);
        if (portalProcess is not null)
        {
            // Work a send leaves for just after it (the safeguarding screen) may still be running, or not yet
            // started: the second figure counts it, until the portal has gone quiet.
            var quietAfter = await WaitUntilQuietAsync(portalProcess);
            var withAfter = CpuTime(portalProcess) - cpuBefore;
            var timedSends = all.Length - (all.Length / 5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"portal CPU {cpu.TotalMilliseconds / timedSends:F3} ms per send"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"portal CPU with the work after {withAfter.TotalMilliseconds / timedSends:F3} ms per send (quiet {quietAfter.TotalSeconds:F1} s after the sends)"));
        }

        return errors.IsEmpty ? 0 : 1;
    }

    /// <summary>
    /// Waits until the portal has used no more than one clock tick (10 ms) of CPU in each of two half-seconds
    /// running, or two minutes have passed; returns how long that took. Without a process, returns at once.
    /// </summary>
    private static async Task<TimeSpan> WaitUntilQuietAsync(int? process)
    {
        var watch = Stopwatch.StartNew();
        if (process is null)
        {
            return TimeSpan.Zero;
        }

        var (quietHalves, last) = (0, CpuTime(process));
        while (quietHalves < 2 && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(500);
            var now = CpuTime(process);
            quietHalves = now - last <= TimeSpan.FromMilliseconds(10) ? quietHalves + 1 : 0;
            last = now;
        }

        return watch.Elapsed - TimeSpan.FromSeconds(1);
    }

    /// <summary>User and system time of a process so far, from /proc/PID/stat (fields 14 and 15, in clock ticks of
    /// 1/100 s); zero without a process.</summary>
    private static TimeSpan CpuTime(int? process)
    {
        if (process is null)
        {
            return TimeSpan.Zero;
        }

        var stat = File.ReadAllText($"/proc/{process}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>
    /// Staff pages while responses arrive: <paramref name="rate"/> people a second send (each answered everything
    /// first, not timed) for <paramref name="seconds"/>, and meanwhile each page, in turn, is viewed with the staff
    /// cookie, a fifth of a second apart. Prints, per page, the views, the median, 95th percentile and slowest, and
    /// the sends actually made a second.
    /// </summary>
    public static async Task<int> ArrivalAsync(Uri baseUrl, int rate, int seconds, string cookie, IReadOnlyList<string> pages)
    {
        var errors = new ConcurrentQueue<string>();
        var ready = new ConcurrentQueue<Browser>();
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, rate * seconds).Select(async person =>
            {
                await gate.WaitAsync();
                try
                {
                    var browser = Browser.Create(baseUrl);
                    await AnswerEverythingAsync(browser, new Random(1_000_000 + person));
                    ready.Enqueue(browser);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var sent = 0;
        var watch = Stopwatch.StartNew();
        var sending = Task.Run(async () =>
        {
            var inFlight = new List<Task>();
            using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
            while (ready.TryDequeue(out var browser) && await ticker.WaitForNextTickAsync())
            {
                inFlight.Add(Task.Run(async () =>
                {
                    using (browser)
                    {
                        try
                        {
                            await browser.SubmitLastFormAsync();
                            if (browser.Path == "/confirmation")
                            {
                                Interlocked.Increment(ref sent);
                            }
                            else
                            {
                                errors.Enqueue($"expected the confirmation page, got {browser.Path}");
                            }
                        }
                        catch (HttpRequestException exception)
                        {
                            errors.Enqueue(exception.Message);
                        }
                    }
                }));
            }

            await Task.WhenAll(inFlight);
        });

        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        var took = pages.ToDictionary(p => p, _ => new List<double>());
        for (var view = 0; !sending.IsCompleted; view++)
        {
            var page = pages[view % pages.Count];
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, page));
            request.Headers.Add("Cookie", cookie);
            var viewing = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            took[page].Add(viewing.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                errors.Enqueue($"status {(int)response.StatusCode} from {page}");
            }

            await Task.Delay(200);
        }

        await sending;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sends {sent} in {watch.Elapsed.TotalSeconds:F1} s = {sent / watch.Elapsed.TotalSeconds:F1} per s, errors {errors.Count}"));
        foreach (var (page, times) in took)
        {
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page {page} views {times.Count} median {times[times.Count / 2]:F1} ms p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F1} ms slowest {times[^1]:F1} ms"));
        }

        foreach (var error in errors.Take(5))
        {
            Console.WriteLine($"  {error}");
        }

        return errors.IsEmpty ? 0 : 1;
    }

    private static Task SendAllAsync(ConcurrentQueue<Browser> queue, int concurrency, ConcurrentQueue<string> errors) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (queue.TryDequeue(out var browser))
            {
                using (browser)
                {
                    try
                    {
                        await browser.SubmitLastFormAsync();
                        if (browser.Path != "/confirmation")
                        {
                            errors.Enqueue($"expected the confirmation page, got {browser.Path}");
                        }
                    }
                    catch (HttpRequestException exception)
                    {
                        errors.Enqueue(exception.Message);
                    }
                }
            }
        }));

    private static async Task AnswerEverythingAsync(Browser browser, Random random)
    {
        await browser.GetAsync("/");
        await browser.GetAsync("/questions/2");
        for (var number = 2; number <= 12; number++)
        {
            await browser.SubmitAsync(("Answer", number == 12 ? null : SyntheticText.FormChoice(random)), ("Comments", SyntheticText.Comment(random)));
        }

        await browser.SubmitAsync(("AgeGroup", SyntheticText.FormAgeGroup(random)), ("AnsweringAs", "young-person"));
        if (browser.Path != "/check-answers")
        {
            throw new HttpRequestException($"expected check answers, got {browser.Path}");
        }
    }

    private static void Report(string what, int count, TimeSpan elapsed, ConcurrentQueue<string> errors)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} {count} in {elapsed.TotalSeconds:F1} s = {count / elapsed.TotalSeconds:F1} per s, errors {errors.Count}"));
        foreach (var error in errors.Take(5))
        {
            Console.WriteLine($"  {error}");
        }
    }
}
