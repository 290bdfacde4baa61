using System.Diagnostics;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// Debian's LibreOffice Calc (package libreoffice-calc-nogui), run headless to read a file as a spreadsheet
/// application does. tests/run-all.sh and .ci/run install it when <c>soffice</c> is missing; a test that
/// needs it fails, never skips, without it, so a check on real spreadsheet software cannot quietly go missing.
/// </summary>
public static class LibreOffice
{
    /// <summary>
    /// LibreOffice's "Text CSV" export: comma-separated, double quotes, UTF-8 (76), from line 1, every text cell
    /// quoted, cell contents as stored rather than as shown, and every sheet to its own file (-1), named
    /// "{file}-{sheet}.csv".
    /// </summary>
    private const string CsvOfEverySheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1";

    /// <summary>Opens <paramref name="workbook"/> in LibreOffice Calc and saves each sheet as CSV beside it; returns each sheet's CSV text by sheet name.</summary>
    public static async Task<Dictionary<string, string>> SheetsAsCsvAsync(string workbook, IEnumerable<string> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var soffice = Find()
            ?? throw new InvalidOperationException("LibreOffice's soffice is not installed: tests/run-all.sh installs Debian's libreoffice-calc-nogui package.");
        var folder = Path.GetDirectoryName(workbook)!;

        // A profile of its own, so runs side by side do not wait on one another's lock, and nothing is read
        // from or left in the user's own LibreOffice settings.
        var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
        var start = new ProcessStartInfo(soffice, [$"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck", "--convert-to", CsvOfEverySheet, "--outdir", folder, workbook])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        // Only a guard against a hung conversion: a first start with a new profile takes a while on a busy machine.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var said = await output + await error;
        Assert.True(process.ExitCode == 0, $"soffice exited with {process.ExitCode}: {said}");
        var name = Path.GetFileNameWithoutExtension(workbook);
        return sheets.ToDictionary(s => s, s =>
        {
            var csv = Path.Combine(folder, $"{name}-{s}.csv");
            Assert.True(File.Exists(csv), $"LibreOffice wrote no {csv}: {said}");
            return File.ReadAllText(csv);
        });
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/lib/libreoffice/program")
            .Select(d => Path.Combine(d, "soffice"))
            .FirstOrDefault(File.Exists);
}
