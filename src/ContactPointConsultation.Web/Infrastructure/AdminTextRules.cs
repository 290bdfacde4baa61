using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>The rules for any text an admin writes for young people to read: the wording, and "You said, we did".</summary>
public static partial class AdminTextRules
{
    /// <param name="label">The field's label, as the messages start with it.</param>
    /// <param name="markdown">The text is Markdown, so it must be Markdown the page can show.</param>
    public static IRuleBuilderOptions<T, string> IsAdminText<T>(this IRuleBuilder<T, string> rule, string label, int maxLength, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule
            .MaximumLength(maxLength).WithMessage($"{label} must be {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters or less")
            .Must(text => !LooksLikeHtml().IsMatch(text)).WithMessage($"{label} must not contain HTML tags. Use Markdown for bold text, lists and links")
            .Must(text => !markdown || GovUkMarkdown.CanRender(text))
            .WithMessage($"{label} has too many brackets, lists or quotes inside each other. Take some out");
    }

    // Markdown is the only formatting we accept; anything tag-like would be shown to children as text.
    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!?]")]
    private static partial Regex LooksLikeHtml();
}
