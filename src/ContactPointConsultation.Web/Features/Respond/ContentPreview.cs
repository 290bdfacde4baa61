using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>
/// Lets an admin walk through the real respondent pages with the draft wording. Preview is honoured
/// only for a signed-in admin and only while that version is still the draft; nothing typed in a
/// preview is saved or sent.
/// </summary>
public sealed class ContentPreview(
    IHttpContextAccessor httpContextAccessor,
    IDataProtectionProvider dataProtection,
    ConsultationDbContext db,
    ContentCatalogue catalogue)
{
    public const string CookieName = "cp_preview";
    public const string BannerItemKey = "ContentPreview";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Admin.ContentPreview");
    private ConsultationContent? _content;
    private bool _looked;

    private string UserId => Http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private HttpContext Http => httpContextAccessor.HttpContext ?? throw new InvalidOperationException("No current request.");

    public async Task<ConsultationContent?> DraftAsync(CancellationToken cancellationToken)
    {
        if (_looked)
        {
            return _content;
        }

        _looked = true;
        if (VersionIdFromCookie() is { } versionId
            && Http.User.IsInRole(StaffRoles.Admin)
            && Http.User.HasClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue)
            && await db.ContentVersions.AnyAsync(v => v.Id == versionId && v.State == ContentVersionState.Draft, cancellationToken))
        {
            _content = await catalogue.GetVersionAsync(versionId, cancellationToken);
            Http.Items[BannerItemKey] = _content;
        }

        return _content;
    }

    /// <summary>Previews that draft in this browser, for this admin only: the cookie names them as well as the version.</summary>
    public void Start(int versionId) =>
        Http.Response.Cookies.Append(CookieName, _protector.Protect($"{versionId.ToString(CultureInfo.InvariantCulture)}:{UserId}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });

    public void Stop() => Http.Response.Cookies.Delete(CookieName, new CookieOptions { Secure = true, Path = "/" });

    private int? VersionIdFromCookie()
    {
        var value = Http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            // Another admin signing in on the same browser does not inherit someone else's preview.
            var parts = _protector.Unprotect(value).Split(':', 2);
            return parts.Length == 2 && parts[1] == UserId && UserId.Length > 0
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
