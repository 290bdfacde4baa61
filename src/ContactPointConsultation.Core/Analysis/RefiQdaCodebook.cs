using System.Globalization;
using System.Text;
using System.Xml;
using ContactPointConsultation.Core.Exports;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// The codebook in the REFI-QDA codebook exchange format (QDA-XML 1.0, a <c>.qdc</c> file), which NVivo,
/// MAXQDA and ATLAS.ti import: one code for each question, not itself codable, holding its themes as
/// codable codes. A theme's description, include and exclude notes and example go in its Description, as
/// the format has no fields of its own for them. Each code keeps its guid from one export to the next.
/// </summary>
public static class RefiQdaCodebook
{
    public const string Namespace = "urn:QDA-XML:codebook:1.0";
    public const string ContentType = "application/xml";

    /// <param name="questions">Each question's number and short title, in order.</param>
    /// <param name="themes">The themes in use.</param>
    public static void Write(Stream output, string origin, IEnumerable<(int Number, string Title)> questions, IReadOnlyCollection<Theme> themes)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(themes);
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        xml.WriteStartDocument();
        xml.WriteStartElement("CodeBook", Namespace);
        xml.WriteAttributeString("origin", origin);
        xml.WriteStartElement("Codes", Namespace);
        foreach (var (number, title) in questions)
        {
            xml.WriteStartElement("Code", Namespace);
            xml.WriteAttributeString("guid", QuestionGuid(number).ToString("D"));
            xml.WriteAttributeString("name", Text(string.Create(CultureInfo.InvariantCulture, $"Q{number} {title}")));
            xml.WriteAttributeString("isCodable", "false");
            xml.WriteElementString("Description", Namespace, Text(string.Create(CultureInfo.InvariantCulture, $"The themes of question {number}.")));
            foreach (var theme in themes.Where(t => t.QuestionNumber == number))
            {
                xml.WriteStartElement("Code", Namespace);
                xml.WriteAttributeString("guid", theme.ExchangeId.ToString("D"));
                xml.WriteAttributeString("name", Text(theme.Name));
                xml.WriteAttributeString("isCodable", "true");
                if (Describe(theme) is { Length: > 0 } description)
                {
                    xml.WriteElementString("Description", Namespace, Text(description));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The same guid for a question in every export, from any portal: a version 8 UUID of its number.</summary>
    public static Guid QuestionGuid(int number)
    {
        Span<byte> bytes = stackalloc byte[16];
        "ContactPointQ"u8.CopyTo(bytes);
        bytes[13] = (byte)number;
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static string Describe(Theme theme)
    {
        var parts = new List<string>();
        if (theme.Description.Length > 0)
        {
            parts.Add(theme.Description);
        }

        if (theme.IncludeWhen.Length > 0)
        {
            parts.Add("Include when: " + theme.IncludeWhen);
        }

        if (theme.ExcludeWhen.Length > 0)
        {
            parts.Add("Exclude when: " + theme.ExcludeWhen);
        }

        if (theme.Example.Length > 0)
        {
            parts.Add("Example: " + theme.Example);
        }

        return string.Join("\n\n", parts);
    }

    /// <summary>XML cannot hold every character a form can deliver.</summary>
    private static string Text(string value) => SpreadsheetText.ReplaceNonXmlCharacters(value);
}
