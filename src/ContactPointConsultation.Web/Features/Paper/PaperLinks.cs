namespace ContactPointConsultation.Web.Features.Paper;

/// <summary>The pages for responses that came on paper, by email, by letter or at an event.</summary>
public static class PaperLinks
{
    /// <summary>Typing in one response.</summary>
    public const string Entry = "/staff/paper";

    /// <summary>The reference of a response just entered, to write on the paper.</summary>
    public static string Entered(string reference) => $"{Entry}/entered/{reference}";

    /// <summary>The check queue and the error rates found.</summary>
    public const string Checks = "/staff/paper/checks";

    /// <summary>The next check for this person to do.</summary>
    public const string NextCheck = "/staff/paper/checks/next";

    /// <summary>One check: keying it again, deciding its differences, or what it found.</summary>
    public static string Check(long id) => $"{Checks}/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Deciding which is right of each difference a check found.</summary>
    public static string DecideCheck(long id) => $"{Check(id)}/decide";

    /// <summary>Uploading a spreadsheet of responses collected offline.</summary>
    public const string Import = "/staff/paper/import";

    /// <summary>A checked spreadsheet, to import; or, once imported, what it stored.</summary>
    public static string ImportOf(long id) => $"{Import}/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The query that says a file was too large for the server to read: the upload page says so on its file.</summary>
    public const string TooLargeQuery = "too-large";

    /// <summary>The upload page after a file too large for the server to read.</summary>
    public const string ImportTooLarge = Import + "?" + TooLargeQuery + "=true";

    /// <summary>The responses download's column names with no rows, for a group to fill in.</summary>
    public const string ImportTemplate = "/staff/paper/import/responses-template.csv";

    /// <summary>Correcting an entered response.</summary>
    public static string Correct(string reference) => $"{Entry}/{reference}/correct";

    /// <summary>The printable form of the live wording version, with the others to choose from.</summary>
    public const string Form = "/staff/paper-form";

    /// <summary>The printable form of one wording version.</summary>
    public static string FormOf(string version) => $"{Form}?version={Uri.EscapeDataString(version)}";

    /// <summary>The printed pages' size and running footer for one version.</summary>
    public static string FormPages(string version) => $"{Form}/{Uri.EscapeDataString(version)}/pages.css";

    /// <summary>The entry page again, keeping how the last one arrived, for "Save and enter another".</summary>
    public static string EnterAnother(PaperEntryInput last)
    {
        ArgumentNullException.ThrowIfNull(last);
        var kept = new (string Name, string? Value)[]
        {
            (nameof(PaperEntryInput.Channel), last.Channel),
            (nameof(PaperEntryInput.ReceivedDay), last.ReceivedDay),
            (nameof(PaperEntryInput.ReceivedMonth), last.ReceivedMonth),
            (nameof(PaperEntryInput.ReceivedYear), last.ReceivedYear),
            (nameof(PaperEntryInput.Batch), last.Batch),
            (nameof(PaperEntryInput.Version), last.Version),
        };
        return Entry + "?" + string.Join("&", kept.Where(k => !string.IsNullOrWhiteSpace(k.Value)).Select(k => $"{k.Name}={Uri.EscapeDataString(k.Value!.Trim())}"));
    }
}
