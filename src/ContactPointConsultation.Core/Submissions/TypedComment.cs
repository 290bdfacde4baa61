using System.Text;

namespace ContactPointConsultation.Core.Submissions;

/// <summary>
/// Comments as the on-page character count sees them, however they came (typed online, keyed in from paper,
/// or a spreadsheet's cell): line breaks as a single "\n", and no invisible control characters (NUL and friends
/// are dropped; tabs and line breaks are kept).
/// </summary>
public static class TypedComment
{
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
