using System.Globalization;
using System.Text;
using System.Xml;

namespace ContactPointConsultation.Core.Exports;

/// <summary>
/// Formula-injection escaping for CSV and Excel cells, as the security checklist states it: if a cell's
/// first character, or its first character after leading whitespace or invisible format characters
/// (Unicode category Cf, such as U+200B, U+FEFF or U+202E), is one of <c>= + - @</c>, tab, CR, LF or NUL,
/// the cell gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
/// </summary>
public static class SpreadsheetText
{
    public const char FormulaEscape = '\'';

    public static string EscapeFormula(string value) => LooksLikeFormula(value) ? FormulaEscape + value : value;

    /// <summary>Whether a spreadsheet could take the cell for a formula: what <see cref="EscapeFormula"/> escapes, and an upload refuses.</summary>
    public static bool LooksLikeFormula(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsTrigger(rune))
            {
                return true;
            }

            if (!Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The cell as it was before <see cref="EscapeFormula"/>: the apostrophe taken off only where escaping put it on.</summary>
    public static string UnescapeFormula(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == FormulaEscape && LooksLikeFormula(value[1..]) ? value[1..] : value;
    }

    /// <summary>
    /// XML, and so an .xlsx file, cannot hold a few characters that a form can still deliver: U+FFFE,
    /// U+FFFF, an unpaired surrogate, and the C0 controls other than tab, CR and LF. Each becomes U+FFFD,
    /// so one odd comment cannot make the whole workbook unreadable. Anything else is left as it is.
    /// </summary>
    public static string ReplaceNonXmlCharacters(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? replaced = null;
        for (var i = 0; i < value.Length; i++)
        {
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                replaced?.Append(value, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(value[i]))
            {
                replaced?.Append(value[i]);
            }
            else
            {
                replaced ??= new StringBuilder(value.Length).Append(value, 0, i);
                replaced.Append('\uFFFD');
            }
        }

        return replaced?.ToString() ?? value;
    }

    private static bool IsTrigger(Rune rune) => rune.Value is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '\0';
}
