using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Staff;

public sealed class AuthenticatorCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 15, TimeSpan.Zero);

    [Theory]
    [InlineData(-30, true)]
    [InlineData(0, true)]
    [InlineData(30, true)]
    [InlineData(-60, false)]
    [InlineData(60, false)]
    public async Task Code_IsAcceptedOnlyWithinOneTimeStepEitherSide(int secondsAway, bool accepted)
    {
        await using var portal = new PortalFactory(now: Now);
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();

        await browser.SignInAsync(analyst, analyst.CodeAt(Now.AddSeconds(secondsAway)));

        Assert.Equal(accepted ? "/staff" : "/staff/sign-in/code", browser.Path);
    }

    [Fact]
    public async Task Code_FromAnEarlierStepThanOneAlreadyUsed_IsRefused()
    {
        await using var portal = new PortalFactory(now: Now);
        var analyst = await portal.CreateStaffAsync();
        using (var first = portal.CreateRespondent())
        {
            await first.SignInAsync(analyst, analyst.CodeAt(Now));
        }

        using var second = portal.CreateRespondent();
        await second.SignInAsync(analyst, analyst.CodeAt(Now.AddSeconds(-30)));

        Assert.Equal("/staff/sign-in/code", second.Path);
    }
}
