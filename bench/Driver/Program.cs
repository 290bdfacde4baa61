using System.Diagnostics;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Core.Safeguarding;
using Driver;

// The benchmarks' helper; bench/run.sh calls each command. Every figure goes to standard output.
var culture = CultureInfo.InvariantCulture;
return args switch
{
    ["seed", var database, var count] => Seeding.Seed(database, int.Parse(count, culture)),
    ["durable-insert", var database, var count] => Seeding.DurableInsert(database, int.Parse(count, culture)),
    ["journeys", var url, var concurrency, var count] => await Journeys.RunAsync(new Uri(url), int.Parse(concurrency, culture), int.Parse(count, culture)),
    ["sends", var url, var concurrency, var count] => await Journeys.SendsAsync(new Uri(url), int.Parse(concurrency, culture), int.Parse(count, culture), portalProcess: null),
    ["sends", var url, var concurrency, var count, var pid] => await Journeys.SendsAsync(new Uri(url), int.Parse(concurrency, culture), int.Parse(count, culture), int.Parse(pid, culture)),
    ["respondent", var url] => await RespondentAsync(new Uri(url)),
    ["staff", var url, var email, var password] => await StaffAsync(new Uri(url), email, password),
    ["arrival", var url, var cookie, var rate, var seconds, .. var pages] =>
        await Journeys.ArrivalAsync(new Uri(url), int.Parse(rate, culture), int.Parse(seconds, culture), cookie, pages),
    ["time", var url, var cookie, var times] => await TimeAsync(new Uri(url), cookie, int.Parse(times, culture)),
    ["screen", var file, var rounds] => Screen(file, int.Parse(rounds, culture)),
    ["tally-statements"] => TallyStatements.Run(),
    ["tally-upsert"] => TallyUpsertTiming.RunAsync().GetAwaiter().GetResult(),
    ["paper-entry", var url, var email, var password, var count] => await PaperEntryTiming.RunAsync(new Uri(url), email, password, int.Parse(count, culture)),
    ["paper-import", var url, var email, var password, var rows, var file] => await PaperImportTiming.RunAsync(new Uri(url), email, password, int.Parse(rows, culture), file),
    _ => Usage(),
};

// A respondent with a draft, part way through: prints the cookies a browser would send, and the body
// of question 3's form, for wrk to replay.
static async Task<int> RespondentAsync(Uri baseUrl)
{
    using var browser = Browser.Create(baseUrl);
    await browser.GetAsync("/questions/2");
    await browser.SubmitAsync(("Answer", "yes"), ("Comments", "Started, so there is a draft"));
    var form = browser.Page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
    var body = Browser.HiddenFields(form).Append(new("Answer", "no")).Append(new("Comments", "Mae'n bwysig 👍🏽 – a comment of ordinary length."));
    using var encoded = new FormUrlEncodedContent(body);
    Console.WriteLine($"COOKIE {browser.CookieHeader}");
    Console.WriteLine($"BODY {await encoded.ReadAsStringAsync()}");
    return 0;
}

// Signs in as a new admin made by `users create`, setting up the authenticator as a person would.
static async Task<int> StaffAsync(Uri baseUrl, string email, string password)
{
    using var browser = Browser.Create(baseUrl);
    await browser.SignInSettingUpAuthenticatorAsync(email, password);
    Console.WriteLine($"COOKIE {browser.CookieHeader}");
    return 0;
}

// Requests one address one at a time, reading every byte: prints the median and 95th percentile in ms.
static async Task<int> TimeAsync(Uri url, string cookie, int times)
{
    using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(30) };
    var took = new List<double>();
    long bytes = 0;
    for (var i = 0; i < times; i++)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        int read;
        bytes = 0;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        took.Add(watch.Elapsed.TotalMilliseconds);
        if (!response.IsSuccessStatusCode)
        {
            Console.WriteLine($"status {(int)response.StatusCode} from {url}");
            return 1;
        }
    }

    took.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"time median {took[took.Count / 2]:F1} ms p95 {took[(int)Math.Min(took.Count - 1, Math.Ceiling(took.Count * 0.95) - 1)]:F1} ms bytes {bytes}"));
    return 0;
}

// Screens every comment of a labelled TSV (label, category, text), or of 2,000 synthetic responses of 11 comments
// each ("synthetic", the comments the send benchmark sends), `rounds` times on one thread: prints comments per
// second, per second of CPU (which other work on the machine does not lower), and the 50th and 99th percentile and
// slowest microseconds per comment; for synthetic responses also per response, which is what a send waits for.
static int Screen(string file, int rounds)
{
    const int CommentsPerResponse = 11;
    var random = new Random(20261202);
    var comments = file == "synthetic"
        ? [.. Enumerable.Range(0, 2000 * CommentsPerResponse).Select(_ => SyntheticText.Comment(random) ?? "")]
        : File.ReadLines(file).Skip(1)
            .Select(line => line.Split('\t', 3))
            .Where(parts => parts.Length == 3)
            .Select(parts => parts[2])
            .ToList();
    if (comments.Count == 0 || rounds < 1)
    {
        Console.Error.WriteLine($"No comments in {file}, or rounds < 1");
        return 2;
    }

    var flagged = comments.Count(c => DisclosureScreen.Screen(c).Flagged);
    var took = new double[comments.Count * rounds];
    var i = 0;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var started = Stopwatch.GetTimestamp();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var comment in comments)
        {
            var before = Stopwatch.GetTimestamp();
            DisclosureScreen.Screen(comment);
            took[i++] = Stopwatch.GetElapsedTime(before).TotalMicroseconds;
        }
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    if (file == "synthetic")
    {
        var responses = took.Chunk(CommentsPerResponse).Select(c => c.Sum()).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"screen per response of {CommentsPerResponse} comments: p50 {responses[responses.Length / 2]:F1} us "
            + $"p99 {responses[(int)Math.Ceiling(responses.Length * 0.99) - 1]:F1} us max {responses[^1]:F1} us"));
    }

    Array.Sort(took);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"screen {comments.Count} comments x {rounds} rounds ({flagged} flagged, average {comments.Average(c => c.Length):F0} chars): "
        + $"{took.Length / seconds:F0} comments/s ({took.Length / cpuSeconds:F0} per CPU second), p50 {took[took.Length / 2]:F1} us p99 {took[(int)Math.Min(took.Length - 1, Math.Ceiling(took.Length * 0.99) - 1)]:F1} us "
        + $"max {took[^1]:F1} us"));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Driver seed DB N | durable-insert DB N | journeys URL CONCURRENCY COUNT | sends URL CONCURRENCY COUNT [PORTAL-PID]
               | respondent URL | staff URL EMAIL PASSWORD | time URL COOKIE TIMES | screen TSV ROUNDS | tally-statements | tally-upsert
               | arrival URL COOKIE RATE SECONDS PAGE... | paper-entry URL EMAIL PASSWORD COUNT
               | paper-import URL EMAIL PASSWORD ROWS FILE
        """);
    return 2;
}
