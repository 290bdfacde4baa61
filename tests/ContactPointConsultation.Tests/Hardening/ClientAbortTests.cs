using System.Data.Common;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactPointConsultation.Tests.Hardening;

public sealed class ClientAbortTests
{
    [Fact]
    public async Task Request_AbandonedByTheClientMidQuery_IsLoggedAsAnAbortAtInformation_NotAsA500()
    {
        var slow = new SlowResponsesQuery();
        await using var portal = new InterceptedPortal(slow);
        using var analyst = await portal.SignedInStaffAsync();

        slow.Armed = true;
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                analyst.Client.GetAsync(new Uri("/staff/responses", UriKind.Relative), giveUp.Token));
        }

        await slow.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var logged = await WaitForAsync(portal, e => e.Contains("\"RequestPath\":\"/staff/responses\"", StringComparison.Ordinal) && e.Contains("\"StatusCode\":499", StringComparison.Ordinal));
        Assert.DoesNotContain("\"@l\"", logged, StringComparison.Ordinal); // Information is the compact format's default level
        Assert.Contains("\"ClientAborted\":true", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Logs.Events, e => e.Contains("responded 500", StringComparison.Ordinal) || e.Contains("\"@l\":\"Error\"", StringComparison.Ordinal));
    }

    private static async Task<string> WaitForAsync(PortalFactory portal, Func<string, bool> match)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            if (portal.Logs.Events.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException("The request was never logged:\n" + string.Join('\n', portal.Logs.Events.TakeLast(5)));
    }

    /// <summary>While armed, a query of the responses waits, as a slow database would, until its request is cancelled.</summary>
    private sealed class SlowResponsesQuery : DbCommandInterceptor
    {
        public volatile bool Armed;

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("FROM \"Responses\"", StringComparison.Ordinal))
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Cancelled.TrySetResult();
                    throw;
                }
            }

            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
