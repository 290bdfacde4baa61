using System.Diagnostics;
using System.Globalization;

namespace Driver;

/// <summary>
/// One member of staff typing in paper responses through the entry page, as fast as the portal lets them: each
/// "Save and enter another" posts the whole form, follows the redirect and reads the next blank page. Prints the
/// responses entered a second and the median and 95th percentile of one save, in ms.
/// </summary>
public static class PaperEntryTiming
{
    public static async Task<int> RunAsync(Uri baseUrl, string email, string password, int count)
    {
        using var browser = Browser.Create(baseUrl);
        await browser.SignInSettingUpAuthenticatorAsync(email, password);
        await browser.GetAsync("/staff/paper");

        var random = new Random(14);
        var took = new List<double>(count);
        var all = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var fields = new List<(string, string?)>
            {
                ("Channel", "paper"), ("ReceivedDay", "14"), ("ReceivedMonth", "11"), ("ReceivedYear", "2026"),
                ("Batch", $"School {i / 30}, class {i % 30 / 10}"), ("Version", "1"), ("intent", "another"),
            };
            for (var q = 2; q <= 12; q++)
            {
                fields.Add(($"Choice[{q}]", q == 12 ? null : SyntheticText.FormChoice(random)));
                fields.Add(($"Comments[{q}]", SyntheticText.Comment(random)));
            }

            // A paper form's own words: no two the same, so none is held back as a lookalike.
            fields.Add(("Comments[12]", $"Form {i.ToString(CultureInfo.InvariantCulture)}. {SyntheticText.Comment(random)}"));
            fields.Add(("AgeGroup", SyntheticText.FormAgeGroup(random)));
            var watch = Stopwatch.StartNew();
            await browser.SubmitAsync([.. fields]);
            took.Add(watch.Elapsed.TotalMilliseconds);
            if (!browser.Path.StartsWith("/staff/paper?", StringComparison.Ordinal) || browser.Page.QuerySelector(".govuk-error-summary") is not null)
            {
                throw new InvalidOperationException($"Entry {i} was not saved: {browser.Path}");
            }
        }

        all.Stop();
        took.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"entered {count} in {all.Elapsed.TotalSeconds:0.0} s: {count / all.Elapsed.TotalSeconds:0.0} a second; one save median {took[took.Count / 2]:0.0} ms, p95 {took[(int)(took.Count * 0.95)]:0.0} ms"));
        return 0;
    }
}
