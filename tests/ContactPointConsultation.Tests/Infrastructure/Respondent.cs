using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// A person with a browser that has no JavaScript: follows links and redirects, keeps cookies, and posts
/// the page's real form, antiforgery token included.
/// </summary>
/// <param name="screened">Waits until the portal has screened what was sent (<see cref="RespondentJourneys.SendAsync"/>).</param>
public sealed class Respondent(HttpClient client, CookieContainer cookies, Func<Task>? screened = null) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public CookieContainer Cookies { get; } = cookies;

    public IHtmlDocument Page { get; private set; } = Parser.ParseDocument("");

    /// <summary>The last page exactly as the server sent it, before any parser tidied it.</summary>
    public string Html { get; private set; } = "";

    public HttpStatusCode Status { get; private set; }

    public string Path { get; private set; } = "/";

    /// <summary>
    /// Until the screen has read what was sent, staff see its comments withheld; a person reading staff pages
    /// a moment after a send sees them screened, and so does a test that waits here.
    /// </summary>
    public Task ScreenedAsync() => screened is null ? Task.CompletedTask : screened();

    public async Task<IHtmlDocument> GetAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>Fills in the current page's form and submits it, optionally with a named button.</summary>
    public async Task<IHtmlDocument> SubmitAsync(IReadOnlyDictionary<string, string?>? fields = null, (string Name, string Value)? button = null)
    {
        var form = Page.QuerySelector<IHtmlFormElement>("main form[method=post]")
            ?? throw new InvalidOperationException($"No form on {Path} ({(int)Status}: {Page.QuerySelector("h1")?.TextContent.Trim()})");
        var body = HiddenFields(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, string?>())
        {
            if (value is not null)
            {
                body.Add(new(name, value));
            }
        }

        if (button is { } pressed)
        {
            body.Add(new(pressed.Name, pressed.Value));
        }

        return await PostAsync(form.GetAttribute("action") ?? Path, body);
    }

    /// <summary>
    /// Submits the current page's form with everything already in it (text boxes, text areas, checked
    /// radios, selects), as a person who changes only some fields would, with <paramref name="changes"/> typed over.
    /// </summary>
    public async Task<IHtmlDocument> SubmitKeepingAsync(IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var form = Page.QuerySelector<IHtmlFormElement>("main form[method=post]")
            ?? throw new InvalidOperationException($"No form on {Path} ({(int)Status}: {Page.QuerySelector("h1")?.TextContent.Trim()})");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=text], input[type=hidden], input[type=radio]:checked"))
        {
            values[input.Name!] = input.Value;
        }

        foreach (var textarea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea"))
        {
            values[textarea.Name!] = textarea.Value;
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select"))
        {
            values[select.Name!] = select.Value ?? "";
        }

        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return await PostAsync(form.GetAttribute("action") ?? Path, values);
    }

    /// <summary>Chooses a file in the current page's upload form and submits it, as multipart, with the form's hidden fields and any others given.</summary>
    public async Task<IHtmlDocument> UploadAsync(string field, string fileName, byte[] file, IReadOnlyDictionary<string, string?>? fields = null)
    {
        var form = Page.QuerySelector<IHtmlFormElement>("main form[method=post][enctype='multipart/form-data']")
            ?? throw new InvalidOperationException($"No upload form on {Path}");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in HiddenFields(form))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string?>())
        {
            if (value is not null)
            {
                content.Add(new StringContent(value), name);
            }
        }

        content.Add(new ByteArrayContent(file), field, fileName);
        using var response = await Client.PostAsync(new Uri(form.GetAttribute("action") ?? Path, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    /// <summary>Posts a form and hands back the raw response, for tests that look at status and headers.</summary>
    public async Task<HttpResponseMessage> SendFormAsync(string url, IEnumerable<KeyValuePair<string, string>> body)
    {
        using var content = new FormUrlEncodedContent(body);
        return await Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public async Task<IHtmlDocument> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> body)
    {
        using var content = new FormUrlEncodedContent(body);
        using var response = await Client.PostAsync(new Uri(url, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    /// <summary>The hidden fields of the page's form, as the browser would post them (token and keys).</summary>
    public static List<KeyValuePair<string, string>> HiddenFields(IParentNode formOrPage) =>
        formOrPage.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .ToList();

    public List<KeyValuePair<string, string>> HiddenFields() =>
        HiddenFields(Page.QuerySelector("main form[method=post]") ?? throw new InvalidOperationException($"No form on {Path}"));

    public string AntiforgeryToken =>
        Page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
        ?? throw new InvalidOperationException($"No antiforgery token on {Path}");

    /// <summary>The trimmed text of an element that must be on the page.</summary>
    public string Text(string selector) =>
        Page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No {selector} on {Path}");

    public IReadOnlyList<string> ErrorSummary =>
        Page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()).ToList();

    public void Dispose() => Client.Dispose();

    private async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response)
    {
        Status = response.StatusCode;
        Path = response.RequestMessage?.RequestUri?.PathAndQuery ?? Path;
        Html = await response.Content.ReadAsStringAsync();
        Page = Parser.ParseDocument(Html);
        return Page;
    }
}
