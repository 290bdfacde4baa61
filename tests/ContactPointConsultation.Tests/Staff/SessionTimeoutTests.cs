using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Staff;

public sealed class SessionTimeoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Session_IdleForMoreThan30Minutes_MustSignInAgain()
    {
        await using var portal = new PortalFactory(now: Start);
        using var browser = portal.CreateRespondent();
        var analyst = await portal.CreateStaffAsync();
        await browser.SignInAsync(analyst, analyst.CodeAt(Start));
        await browser.GetAsync("/staff");
        Assert.Equal("/staff", browser.Path);

        portal.Clock!.Advance(TimeSpan.FromMinutes(31));
        await browser.GetAsync("/staff");

        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_InUseAllDay_EndsAfter12Hours()
    {
        await using var portal = new PortalFactory(now: Start);
        using var browser = portal.CreateRespondent();
        var analyst = await portal.CreateStaffAsync();
        await browser.SignInAsync(analyst, analyst.CodeAt(Start));

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            portal.Clock!.Advance(TimeSpan.FromMinutes(20));
            await browser.GetAsync("/staff");
            Assert.Equal("/staff", browser.Path);
        }

        portal.Clock!.Advance(TimeSpan.FromMinutes(40));
        await browser.GetAsync("/staff");

        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.Ordinal);
    }
}
