using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using ContactPointConsultation.Web.Features.Respond;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Shared;

/// <summary>
/// Whole pages drawn by their own Razor view once, for a part of a settled wording version and one state of the page,
/// and then written out again with their holes filled in: the CSP nonce, the antiforgery request token and what the
/// respondent typed, which are new or their own on every request. Razor drawing the question page and its layout was
/// about a quarter of the question page's CPU (docs/adr/0031-pages-drawn-once-with-holes.md).
/// <para>
/// The view stays the one home of the page's markup: a page is kept only as its view drew it. It is drawn afresh, and
/// not kept, whenever something the template does not know of could change it: a signed-in user (the staff
/// navigation), an admin's preview (its banner), any error or message, or when <see cref="PortalOptions.DrawPagesOnce"/>
/// is off. Nothing a person sends is kept: what they typed fills a hole, and the state is chosen by the caller from a
/// short list (which option is selected), never from what was sent.
/// </para>
/// </summary>
public sealed class DrawnPages(IAntiforgery antiforgery, HtmlEncoder encoder, IOptions<PortalOptions> options)
{
    // A value no page holds, drawn where what the respondent typed goes when a page is drawn to be kept. Letters and
    // digits only, so HTML encoding leaves it as it is.
    private static readonly string TypedMark = "typed" + Guid.NewGuid().ToString("N");

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Template>> _drawn = new();

    /// <summary>
    /// The view at <paramref name="viewPath"/> for <paramref name="settledPart"/> (an object of a settled wording
    /// version, which the content cache holds as the same object until the version goes) in <paramref name="state"/>,
    /// with <paramref name="typed"/> where the model built by <paramref name="model"/> puts the text it is given.
    /// </summary>
    public IActionResult View(Controller controller, string viewPath, object settledPart, string state, string? typed, Func<string?, object> model)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(settledPart);
        ArgumentNullException.ThrowIfNull(model);
        return CanKeep(controller)
            ? new DrawnPageResult(this, controller, viewPath, settledPart, state, typed, model)
            : controller.View(viewPath, model(typed));
    }

    private bool CanKeep(Controller controller) =>
        options.Value.DrawPagesOnce
        && controller.ModelState.IsValid
        && controller.ViewData.Count == 0
        && controller.User.Identity?.IsAuthenticated != true
        && !controller.HttpContext.Items.ContainsKey(ContentPreview.BannerItemKey);

    private async Task<Template> TemplateAsync(ActionContext context, DrawnPageResult page)
    {
        var drawn = _drawn.GetValue(page.SettledPart, _ => new ConcurrentDictionary<string, Template>(StringComparer.Ordinal));
        if (drawn.TryGetValue(page.State, out var kept))
        {
            return kept;
        }

        var http = context.HttpContext;
        var original = http.Features.Get<IHttpResponseBodyFeature>()!;
        await using var buffer = new MemoryStream();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await page.Controller.View(page.ViewPath, page.Model(TypedMark)).ExecuteResultAsync(context);
        }
        finally
        {
            http.Features.Set(original);
        }

        var (template, whole) = Template.Cut(
            Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length),
            http.Response.ContentType,
            [(Hole.Nonce, http.CspNonce()), (Hole.Token, Token(http)), (Hole.Typed, TypedMark)]);
        // Filled in, the drawing is right for this request whatever was found; it is kept for others only if every
        // hole was found where it was drawn as it is, and nowhere written another way.
        if (whole && http.Response.StatusCode == StatusCodes.Status200OK)
        {
            drawn.TryAdd(page.State, template);
        }

        return template;
    }

    private string Token(HttpContext http) =>
        antiforgery.GetAndStoreTokens(http).RequestToken ?? throw new InvalidOperationException("No antiforgery request token.");

    private enum Hole
    {
        Nonce,
        Token,
        Typed,
    }

    /// <summary>A drawn page cut at its holes: its text as UTF-8 between them, and which hole comes after each piece.</summary>
    private sealed class Template(byte[][] pieces, Hole[] holes, string? contentType)
    {
        /// <summary>
        /// The page cut at every place each mark is, and whether it can be kept: the nonce and the token were found, what
        /// was typed was found exactly once (in the one place it is shown), and no piece holds the start of any mark,
        /// as a mark written in some other encoding would.
        /// </summary>
        public static (Template Template, bool Whole) Cut(string page, string? contentType, (Hole Hole, string Text)[] marks)
        {
            var pieces = new List<string>();
            var holes = new List<Hole>();
            var from = 0;
            while (true)
            {
                var (at, hole, length) = (-1, Hole.Nonce, 0);
                foreach (var (markHole, text) in marks)
                {
                    var found = page.IndexOf(text, from, StringComparison.Ordinal);
                    if (found >= 0 && (at < 0 || found < at))
                    {
                        (at, hole, length) = (found, markHole, text.Length);
                    }
                }

                if (at < 0)
                {
                    pieces.Add(page[from..]);
                    break;
                }

                pieces.Add(page[from..at]);
                holes.Add(hole);
                from = at + length;
            }

            var whole = holes.Contains(Hole.Nonce)
                && holes.Contains(Hole.Token)
                && holes.Count(h => h == Hole.Typed) == 1
                && !pieces.Any(piece => marks.Any(mark => piece.Contains(mark.Text[..(mark.Text.Length / 2)], StringComparison.Ordinal)));
            return (new Template([.. pieces.Select(Encoding.UTF8.GetBytes)], [.. holes], contentType), whole);
        }

        public async Task WriteAsync(HttpResponse response, string nonce, string token, string typed)
        {
            var fills = new byte[][] { Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(typed) };
            long length = 0;
            foreach (var piece in pieces)
            {
                length += piece.Length;
            }

            foreach (var hole in holes)
            {
                length += fills[(int)hole].Length;
            }

            response.ContentType = contentType;
            response.ContentLength = length;
            var body = response.BodyWriter;
            for (var i = 0; i < pieces.Length; i++)
            {
                body.Write(pieces[i]);
                if (i < holes.Length)
                {
                    body.Write(fills[(int)holes[i]]);
                }
            }

            await body.FlushAsync(response.HttpContext.RequestAborted);
        }
    }

    private async Task WriteAsync(ActionContext context, DrawnPageResult page)
    {
        var template = await TemplateAsync(context, page);
        var http = context.HttpContext;
        // The view asks for the token as it draws the form; a kept page asks here, so that the cookie and the headers
        // that come with a token are set just as they are for a page drawn afresh.
        await template.WriteAsync(http.Response, http.CspNonce(), Token(http), encoder.Encode(page.Typed ?? ""));
    }

    private sealed record DrawnPageResult(
        DrawnPages Pages, Controller Controller, string ViewPath, object SettledPart, string State, string? Typed, Func<string?, object> Model) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => Pages.WriteAsync(context, this);
    }
}
