using System.Text;
using ContactPointConsultation.Core;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Staff;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>
/// Text from every language a young person in England might write in, and the longest comment allowed,
/// followed from the form through storage to every place staff read it.
/// </summary>
public sealed class BadInputTests
{
    private static readonly Dictionary<int, string> WorldText = new()
    {
        [2] = "Mae'n bwysig i ni gael dweud ein barn. Ŵyr, ŷd, â, ê — diolch!",
        [3] = "\u202Bرأيي مهم\u202C، ويجب أن يُسمع صوت الأطفال.",
        [4] = "我们应该被询问意见。谢谢！",
        [5] = "Family 👩‍👩‍👧‍👦, flag 🏳️‍🌈, skin tone 👋🏾 and keycap 1️⃣",
        [6] = AtTheLimit(),
    };

    [Fact]
    public async Task WelshArabicChineseEmojiAndACommentAtTheLimit_RoundTripExactly_ThroughStorageTheStaffPageCsvAndExcel()
    {
        await using var portal = new PortalFactory();
        var journey = Journey.Empty();
        foreach (var (number, comment) in WorldText)
        {
            journey.Answer(number, "yes", comment);
        }

        using var respondent = portal.CreateRespondent();
        var reference = await respondent.SendAsync(journey);
        using var analyst = await portal.SignedInStaffAsync();

        var stored = await portal.QueryAsync(db => db.ResponseAnswers.AsNoTracking()
            .Where(a => db.Responses.Any(r => r.Id == a.ResponseId && r.Reference == reference))
            .ToDictionaryAsync(a => a.QuestionNumber, a => a.Comments!, TestContext.Current.CancellationToken));
        Assert.Equal(WorldText, stored);

        await analyst.GetAsync($"/staff/responses/{reference}");
        Assert.Equal(WorldText.Values, analyst.Page.QuerySelectorAll(".app-comment bdi").Select(c => c.TextContent));

        var csv = await analyst.Client.GetByteArrayAsync(new Uri(ExportTests.CsvUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        var csvRow = Assert.Single(ExportTests.ParseCsv(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csv, 3, csv.Length - 3)), r => r[0] == reference);
        AssertCommentsIn(csvRow);

        using var xlsx = new MemoryStream(await analyst.Client.GetByteArrayAsync(new Uri(ExportTests.XlsxUrl, UriKind.Relative), TestContext.Current.CancellationToken));
        using var workbook = SpreadsheetDocument.Open(xlsx, isEditable: false);
        AssertCommentsIn(Assert.Single(ExportTests.TextRows(ExportTests.Worksheet(workbook, "Responses")), r => r[0] == reference));
    }

    /// <summary>Reference, date, version, age group and answering as, then an answer and a comment per question.</summary>
    private static void AssertCommentsIn(string[] row)
    {
        foreach (var (number, comment) in WorldText)
        {
            var cell = row[6 + ((number - ConsultationLimits.FirstQuestionNumber) * 2)];
            Assert.Equal(Encoding.UTF8.GetBytes(comment), Encoding.UTF8.GetBytes(cell));
        }
    }

    /// <summary>Exactly as long as a comment may be, counted as the form counts it, with emoji and combining accents throughout.</summary>
    private static string AtTheLimit()
    {
        var text = new StringBuilder();
        const string Piece = "Cafe\u0301 👍🏽 e\u0308 ";
        while (text.Length + Piece.Length <= ConsultationLimits.CommentMaxLength)
        {
            text.Append(Piece);
        }

        text.Append('x', ConsultationLimits.CommentMaxLength - text.Length);
        return text.ToString();
    }
}
