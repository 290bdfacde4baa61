using System.Net;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Infrastructure;

namespace ContactPointConsultation.Tests.Hardening;

public sealed class HealthTests
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithTheDatabaseThere_IsHealthyWithoutSigningIn(string url)
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ready_WhenTheDatabaseIsGone_IsUnhealthy_ButLiveStaysHealthy()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        using (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken))
        {
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(portal.DatabasePath, portal.DatabasePath + ".moved");
        try
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            // Over whatever a background job's connection created in the meantime (the screen polls every
            // ten seconds, and SQLite creates a missing file): the real database goes back either way.
            File.Move(portal.DatabasePath + ".moved", portal.DatabasePath, overwrite: true);
        }
    }

    [Fact]
    public async Task Ready_BeforeTheMigrationsHaveRun_IsUnhealthy_ThenHealthyOnceTheyHave()
    {
        // A node of a deployment whose migrate step has not run yet: it must not be sent traffic.
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        using var client = portal.CreateClient();

        using (var before = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        }

        await portal.Services.MigrateAndSeedAsync(TestContext.Current.CancellationToken);
        using var after = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
