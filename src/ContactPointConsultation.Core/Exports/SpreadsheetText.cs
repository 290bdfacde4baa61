using System.Globalization;
using System.Text;
using System.Xml;

namespace ContactPointConsultation.Core.Exports;

/// <summary>
/// Formula injection, as the security checklist states it: a cell looks like a formula if its first character,
/// or its first character after leading whitespace or invisible format characters (Unicode category Cf, such
/// as U+200B, U+FEFF or U+202E), is one of <c>= + - @</c>, tab, CR, LF or NUL. The two kinds of download keep
/// such a cell safe in different ways (ADR 0026):
/// <list type="bullet">
/// <item><b>CSV</b> has no cell types, so a spreadsheet opening it decides what each cell is and would run
/// <c>=1+1</c>. <see cref="EscapeFormula"/> puts an apostrophe in front, as OWASP advises.</item>
/// <item><b>Excel (.xlsx)</b> says each cell's type. A string cell is shown as it is and never evaluated, so
/// <see cref="ExcelText"/> is exactly what was typed, with no apostrophe for an analyst to read as part of it.
/// Editing the cell later is what could make it a formula, so a cell that <see cref="LooksLikeFormula"/> is
/// also given the Text number format, under which Excel and LibreOffice keep what is typed over it as text.
/// Excel's own mark for this, the quote prefix (<c>quotePrefix="1"</c> on the cell format), cannot be written
/// by SpreadCheetah 1.28.0, whose styles have no such setting; the Text format is the nearest it can write.</item>
/// </list>
/// </summary>
public static class SpreadsheetText
{
    public const char FormulaEscape = '\'';

    /// <summary>A CSV cell: an apostrophe in front where the cell looks like a formula, otherwise as it is.</summary>
    public static string EscapeFormula(string value) => LooksLikeFormula(value) ? FormulaEscape + value : value;

    /// <summary>
    /// An Excel string cell's text: exactly what was typed, never escaped, with only the characters XML cannot
    /// hold replaced (<see cref="ReplaceNonXmlCharacters"/>). It must be written as a string cell, and with the
    /// Text number format where it <see cref="LooksLikeFormula"/>.
    /// </summary>
    public static string ExcelText(string value) => ReplaceNonXmlCharacters(value);

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

    /// <summary>
    /// The cell as it was before <see cref="EscapeFormula"/>: the apostrophe taken off only where escaping put it on.
    /// A cell as an Excel download has it (never escaped) comes back unchanged, so both read back as typed.
    /// </summary>
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
