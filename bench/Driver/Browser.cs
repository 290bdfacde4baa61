using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Driver;

/// <summary>
/// A person with a browser that has no JavaScript: keeps cookies (Secure ones too, since the portal is
/// measured over plain HTTP on 127.0.0.1, as a browser allows there), follows redirects and posts the
/// page's real form, antiforgery token included. Any status of 400 or more is an error.
/// </summary>
public sealed class Browser(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private string _html = "";
    private IHtmlDocument? _page;

    /// <summary>The page's document, built when something asks for it: submitting the page's form only scans
    /// it (<see cref="FormScanner"/>).</summary>
    public IHtmlDocument Page => _page ??= Parser.ParseDocument(_html);

    /// <summary>
    /// Whether each form submitted from the current page is also read with AngleSharp, and the two readings
    /// compared: a difference throws, so a journey that checks its forms proves the scanner reads these pages
    /// as a browser does.
    /// </summary>
    public bool CheckForms { get; set; }

    public string Path { get; private set; } = "/";

    /// <summary>Responses every browser in this process has had, redirects included.</summary>
    public static long ResponsesSoFar => Interlocked.Read(ref _responses);

    private static long _responses;

    public static Browser Create(Uri baseUrl) => new(new HttpClient(
        new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromMinutes(5),
    });

    /// <summary>How long a request may take before the person gives up.</summary>
    public TimeSpan Timeout => client.Timeout;

    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public Task GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), readPage: true);

    /// <summary>Submits the page's form with its hidden fields and <paramref name="fields"/>.</summary>
    public Task SubmitAsync(params (string Name, string? Value)[] fields) => SubmitScannedAsync(readPage: true, fields);

    /// <summary>
    /// Submits the current page's form, follows the redirect, and checks the status only: the page that
    /// comes back is not read, so the driver spends less of the shared cores than the portal it measures.
    /// </summary>
    public Task SubmitLastFormAsync() => SubmitScannedAsync(readPage: false);

    private Task SubmitScannedAsync(bool readPage, params (string Name, string? Value)[] fields)
    {
        var form = FormScanner.FirstPostForm(_html) ?? throw new InvalidOperationException($"No form on {Path}");
        if (CheckForms)
        {
            var read = Page.QuerySelector<IHtmlFormElement>("main form[method=post]") ?? throw new InvalidOperationException($"The scanner found a form on {Path}; AngleSharp none");
            if (read.GetAttribute("action") != form.Action || !HiddenFields(read).SequenceEqual(form.HiddenFields))
            {
                throw new InvalidOperationException($"The scanner read the form on {Path} differently from AngleSharp");
            }
        }

        var body = form.HiddenFields.Concat(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)));
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, form.Action ?? Path) { Content = new FormUrlEncodedContent(body) }, readPage);
    }

    /// <summary>Signs in as a new member of staff made by `users create`, setting up the authenticator as a person would.</summary>
    public async Task SignInSettingUpAuthenticatorAsync(string email, string password)
    {
        await GetAsync("/staff/sign-in");
        await SubmitAsync(("Email", email), ("Password", password));
        var key = Page.QuerySelector(".app-authenticator-key")?.TextContent.Replace(" ", "", StringComparison.Ordinal)
            ?? throw new InvalidOperationException($"No authenticator key on {Path}");
        await SubmitAsync(("Code", new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp()));
    }

    /// <summary>Posts any body (a file upload, say) to a path, follows the redirect and reads the page.</summary>
    public Task PostAsync(string path, HttpContent content) => SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, readPage: true);

    public static List<KeyValuePair<string, string>> HiddenFields(IHtmlFormElement form) =>
        [.. form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))];

    private async Task SendAsync(HttpRequestMessage first, bool readPage)
    {
        var request = first;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (_cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", CookieHeader);
                }

                using var response = await client.SendAsync(request);
                Interlocked.Increment(ref _responses);
                Keep(response);
                Path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString;
                if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found && redirects < 5)
                {
                    var next = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
                    request.Dispose();
                    request = next;
                    continue;
                }

                if ((int)response.StatusCode >= 400)
                {
                    throw new HttpRequestException($"{(int)response.StatusCode} from {Path}", null, response.StatusCode);
                }

                if (readPage)
                {
                    _html = await response.Content.ReadAsStringAsync();
                    _page = null;
                }

                return;
            }
        }
        finally
        {
            request.Dispose();
        }
    }

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            return;
        }

        foreach (var setCookie in setCookies)
        {
            var pair = setCookie.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..equals], pair[(equals + 1)..]);
            if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    public void Dispose() => client.Dispose();
}
