using System.Globalization;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Drafts;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>
/// The respondent's side of a draft: the essential cookie that finds it again on this device, the wording
/// it is pinned to, and the short-lived cookie that lets the confirmation page show the reference and the
/// copy of the answers sent. That cookie lasts until the browser closes, and what it holds for
/// <see cref="PortalOptions.SentCopyMinutes"/> only: the reference alone never shows anyone's answers.
/// </summary>
public sealed class RespondentSession(
    IHttpContextAccessor httpContextAccessor,
    DraftStore drafts,
    ContentCatalogue catalogue,
    ContentPreview preview,
    IDataProtectionProvider dataProtection,
    IOptions<PortalOptions> options,
    TimeProvider clock)
{
    public const string DraftCookieName = "cp_draft";
    public const string SentCookieName = "cp_sent";

    private readonly IDataProtector _sentProtector = dataProtection.CreateProtector("Respond.SentReference");
    private Draft? _draft;
    private (int QuestionNumber, DraftAnswer? Answer)? _answer;
    private bool _looked;
    private bool _answersLoaded;

    private HttpContext Http => httpContextAccessor.HttpContext ?? throw new InvalidOperationException("No current request.");

    /// <summary>In an admin's preview there is no draft: nothing typed is kept. The draft comes without its answers.</summary>
    public async Task<Draft?> FindDraftAsync(CancellationToken cancellationToken)
    {
        await LookAsync(questionNumber: null, cancellationToken);
        return _draft;
    }

    /// <summary>
    /// The draft's saved answer to one question, or null. A question page asks for it first, so the draft and the
    /// answer come in one read.
    /// </summary>
    public async Task<DraftAnswer?> FindAnswerAsync(int questionNumber, CancellationToken cancellationToken)
    {
        await LookAsync(questionNumber, cancellationToken);
        if (_draft is null)
        {
            return null;
        }

        if (_answersLoaded)
        {
            return _draft.Answers.Find(a => a.QuestionNumber == questionNumber);
        }

        return _answer is { } read && read.QuestionNumber == questionNumber
            ? read.Answer
            : await drafts.FindAnswerAsync(_draft, questionNumber, cancellationToken);
    }

    private async Task LookAsync(int? questionNumber, CancellationToken cancellationToken)
    {
        if (_looked)
        {
            return;
        }

        if (!await IsPreviewAsync(cancellationToken)
            && await drafts.FindAsync(Http.Request.Cookies[DraftCookieName], questionNumber, cancellationToken) is { } found)
        {
            _draft = found.Draft;
            _answer = questionNumber is { } number ? (number, found.Answer) : null;
        }

        _looked = true;
    }

    /// <summary>The draft with every answer in it, for the pages that show or send them all.</summary>
    public async Task<Draft?> FindDraftWithAnswersAsync(CancellationToken cancellationToken)
    {
        if (await FindDraftAsync(cancellationToken) is { } draft && !_answersLoaded)
        {
            await drafts.LoadAnswersAsync(draft, cancellationToken);
            _answersLoaded = true;
        }

        return _draft;
    }

    /// <summary>
    /// The wording this respondent answers: the version their draft started on or, before they have
    /// one, the version the page they are sending showed them (so an answer typed just before new
    /// wording went live is pinned to the words they read), else the live one. An admin previewing
    /// sees the draft wording.
    /// </summary>
    public Task<ConsultationContent> ContentAsync(CancellationToken cancellationToken) => ContentAsync(shownVersion: null, cancellationToken);

    /// <inheritdoc cref="ContentAsync(CancellationToken)"/>
    public async Task<ConsultationContent> ContentAsync(string? shownVersion, CancellationToken cancellationToken)
    {
        if (await preview.DraftAsync(cancellationToken) is { } previewed)
        {
            return previewed;
        }

        if (await FindDraftAsync(cancellationToken) is { } draft)
        {
            return await catalogue.GetVersionAsync(draft.ContentVersionId, cancellationToken);
        }

        var live = await catalogue.GetLiveAsync(cancellationToken);
        return int.TryParse(shownVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var shown)
            && shown != live.VersionId
            && await catalogue.FindPublishedAsync(shown, cancellationToken) is { } published
                ? published
                : live;
    }

    public async Task<bool> IsPreviewAsync(CancellationToken cancellationToken) => await preview.DraftAsync(cancellationToken) is not null;

    /// <summary>Open by the live version's dates; a preview is always open, whatever the dates.</summary>
    public async Task<bool> IsOpenAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await IsPreviewAsync(cancellationToken) || (await catalogue.GetLiveAsync(cancellationToken)).IsOpenAt(now);

    public async Task<Draft> FindOrStartDraftAsync(int contentVersionId, CancellationToken cancellationToken)
    {
        if (await IsPreviewAsync(cancellationToken))
        {
            throw new InvalidOperationException("Nothing is saved in a preview.");
        }

        if (await FindDraftAsync(cancellationToken) is { } existing)
        {
            // Re-issued so the cookie lasts until the closing time now in force, even if it moved.
            Http.Response.Cookies.Append(DraftCookieName, Http.Request.Cookies[DraftCookieName]!, CookieOptions(existing.ExpiresAt));
            return existing;
        }

        var (draft, token) = await drafts.StartAsync(contentVersionId, cancellationToken);
        AdoptDraft(draft, token);
        Http.Response.Cookies.Delete(SentCookieName);
        return draft;
    }

    /// <summary>Makes this device the one that holds the draft (after starting it, or resuming it with a code).</summary>
    public void AdoptDraft(Draft draft, string token)
    {
        ArgumentNullException.ThrowIfNull(draft);
        _draft = draft;
        _looked = true;
        _answersLoaded = true;
        Http.Response.Cookies.Append(DraftCookieName, token, CookieOptions(draft.ExpiresAt));
    }

    /// <summary>
    /// After sending: forget the draft on this device, so the next person starts fresh. A resent old
    /// form (Back, then Send) must not take away a newer draft that someone else has started here.
    /// </summary>
    public void Finish(string reference, bool forgetDraft)
    {
        if (forgetDraft)
        {
            _draft = null;
            Http.Response.Cookies.Delete(DraftCookieName);
        }

        // The time sent goes in with the reference, so the portal's own clock (not the browser's) decides when it is too late.
        var sentAt = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Http.Response.Cookies.Append(SentCookieName, _sentProtector.Protect($"{reference}|{sentAt}"), CookieOptions(expires: null));
    }

    /// <summary>"Finished": this browser forgets the answers it sent, so the next person on a shared computer cannot see them.</summary>
    public void ForgetSent() => Http.Response.Cookies.Delete(SentCookieName, new CookieOptions { Path = "/", Secure = Http.Request.IsHttps });

    /// <summary>The reference this browser sent, for <see cref="PortalOptions.SentCopyMinutes"/> after it did; otherwise null.</summary>
    public string? SentReference()
    {
        var value = Http.Request.Cookies[SentCookieName];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = _sentProtector.Unprotect(value).Split('|');
            return parts.Length == 2
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt)
                && clock.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(sentAt).AddMinutes(options.Value.SentCopyMinutes)
                    ? parts[0]
                    : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private CookieOptions CookieOptions(DateTime? expires) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = Http.Request.IsHttps,
        Path = "/",
        Expires = expires is null ? null : new DateTimeOffset(expires.Value, TimeSpan.Zero),
    };
}
