using System.Net;
using System.Text.Json;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Paper;

/// <summary>One paper form typed in twice: warned of before it is saved, stored once, unless someone says why it is different.</summary>
public sealed class PaperDuplicateTests
{
    private static readonly PaperForm Form = new(Journey.Empty().Answer(2, "yes", "i dont no what it is for").Answer(7, "no").AboutYou("11-to-13", "none"));

    [Fact]
    public async Task Save_TheSameTicksAndWordsInTheSameBatch_WarnsWithTheEarlierReference_StoresNothing_AndKeepsWhatWasTyped()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await Form.SaveAsync(analyst);
        var earlier = await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).SingleAsync());

        // The batch typed a little differently is still the same batch.
        await (Form with { Batch = "  st mary’s primary,   YEAR 6 " }).SaveAsync(analyst);

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Equal("/staff/paper", analyst.Path);
        Assert.Equal([$"This looks like one you have already entered: {earlier}"], analyst.ErrorSummary);
        Assert.Equal("#duplicate-reason", analyst.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Contains(earlier, analyst.Text("#duplicate-reason-hint"), StringComparison.Ordinal);
        Assert.Equal($"/staff/responses/{earlier}", analyst.Page.QuerySelector("main a[target=_blank]")!.GetAttribute("href"));
        Assert.Equal("i dont no what it is for", analyst.Page.QuerySelector("textarea[name='Comments[2]']")!.TextContent);
        Assert.NotNull(analyst.Page.QuerySelector("input[name='Choice[7]'][value=no][checked]"));
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Theory]
    [InlineData("Batch", "Hillside Academy, 8B")]
    [InlineData("Comments[2]", "i dont know what it is for")]
    [InlineData("Choice[7]", "not-sure")]
    [InlineData("AgeGroup", "14-to-16")]
    public async Task Save_TheSameFormWithOneThingDifferent_StoresIt(string field, string typed)
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await Form.SaveAsync(analyst);
        var fields = Form.Fields();
        fields[field] = typed;

        await analyst.GetAsync("/staff/paper");
        await analyst.SubmitAsync(fields);

        Assert.StartsWith("/staff/paper/entered/", analyst.Path, StringComparison.Ordinal);
        Assert.Equal(2, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task Save_ALookalikeWithAReason_StoresIt_AndAuditsTheReasonAndTheOneItLookedLike()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await Form.SaveAsync(analyst);
        var earlier = await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).SingleAsync());
        await Form.SaveAsync(analyst);

        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["DuplicateReason"] = "Two children in class 6B wrote the same, on two sheets" });

        Assert.StartsWith("/staff/paper/entered/", analyst.Path, StringComparison.Ordinal);
        var saved = await portal.QueryAsync(db => db.Responses.OrderBy(r => r.Id).LastAsync());
        Assert.NotEqual(earlier, saved.Reference);
        Assert.Equal("Two children in class 6B wrote the same, on two sheets", saved.DuplicateReason);
        var audit = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ResponseEntered && e.Target == saved.Reference));
        using var details = JsonDocument.Parse(audit.Details!);
        Assert.Equal(earlier, details.RootElement.GetProperty("LookedLike").GetString());
        Assert.Equal("Two children in class 6B wrote the same, on two sheets", details.RootElement.GetProperty("DuplicateReason").GetString());

        // A third is checked against the first, and a reason still lets it in.
        await Form.SaveAsync(analyst);
        Assert.Equal([$"This looks like one you have already entered: {earlier}"], analyst.ErrorSummary);
    }

    [Fact]
    public async Task Save_ALookalikeWithAReasonTooLong_ShowsTheErrorAndKeepsTheReason_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await Form.SaveAsync(analyst);
        await Form.SaveAsync(analyst);
        var tooLong = new string('r', PaperLimits.DuplicateReasonMaxLength + 1);

        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["DuplicateReason"] = tooLong });

        Assert.Equal(["The reason must be 300 characters or less"], analyst.ErrorSummary);
        Assert.Equal(tooLong, analyst.Page.QuerySelector("textarea[name=DuplicateReason]")!.TextContent);
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task Enter_TwoLookalikesAtTheSameMoment_StoresOne_AndTellsTheOtherWhichItLooksLike()
    {
        await using var portal = new PortalFactory();
        var versionId = await portal.QueryAsync(db => db.ContentVersions.Select(v => v.Id).SingleAsync());
        using var scope = portal.Services.CreateScope();
        var entry = scope.ServiceProvider.GetRequiredService<PaperEntry>();
        EnteredResponse Typed() => new(Guid.NewGuid(), ResponseChannel.Paper, new DateOnly(2026, 10, 14), "Year 6", versionId, null, null, [new EnteredAnswer(3, Choice.No, "Too long")]);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => entry.EnterAsync(Typed(), "analyst"))));

        var saved = Assert.Single(results, r => r.Outcome == EntryOutcome.Saved);
        Assert.All(results.Where(r => r != saved), r => Assert.Equal((saved.Reference, EntryOutcome.LooksLikeOneEntered), (r.Reference, r.Outcome)));
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task Database_TurnsAwayASecondResponseWithTheSameDigest_UnlessItHasAReason()
    {
        // What holds two web nodes to one response when neither has seen the other's yet.
        await using var portal = new PortalFactory();
        var versionId = await portal.QueryAsync(db => db.ContentVersions.Select(v => v.Id).SingleAsync());
        Response Entered(string reference, string? reason) => new()
        {
            Reference = reference,
            SubmissionKey = Guid.NewGuid(),
            ContentVersionId = versionId,
            SubmittedAt = DateTime.UtcNow,
            Channel = ResponseChannel.Paper,
            EntryDigest = new string('a', EntryDigest.Length),
            DuplicateReason = reason,
        };
        await portal.QueryAsync(db => { db.Responses.Add(Entered("AAAAAAAA", null)); return db.SaveChangesAsync(); });

        await Assert.ThrowsAsync<DbUpdateException>(() => portal.QueryAsync(db => { db.Responses.Add(Entered("BBBBBBBB", null)); return db.SaveChangesAsync(); }));
        await portal.QueryAsync(db => { db.Responses.Add(Entered("CCCCCCCC", "Twins")); return db.SaveChangesAsync(); });

        Assert.Equal(["AAAAAAAA", "CCCCCCCC"], await portal.QueryAsync(db => db.Responses.OrderBy(r => r.Reference).Select(r => r.Reference).ToListAsync()));
    }
}
