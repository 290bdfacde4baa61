using Microsoft.AspNetCore.Identity;

namespace ContactPointConsultation.Core.Staff;

/// <summary>
/// Refuses passwords found in a list of leaked, common passwords (ASVS 6.2.x). The list shipped is every
/// entry at least <see cref="StaffAccountRules.MinimumPasswordLength"/> characters long from SecLists'
/// "10 million password list, top 1M", lower-cased; shorter ones are refused by the length rule anyway.
/// Lowering the minimum would mean shipping the shorter entries too.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    private const string ResourceName = "ContactPointConsultation.Staff.common-passwords.txt";
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public const string ErrorCode = "CommonPassword";

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "Choose a password that is harder to guess: this one is on a list of common passwords" })
            : IdentityResult.Success);

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            set.Add(line);
        }

        return set;
    }
}
