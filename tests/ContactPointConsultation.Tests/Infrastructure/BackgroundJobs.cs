namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>Waiting for what a background job does on its own thread, once the clock has woken it.</summary>
public static class BackgroundJobs
{
    public static Task WaitForAsync(Func<bool> condition, string failure) => WaitForAsync(() => Task.FromResult(condition()), failure);

    /// <summary>Polls for the condition for up to 20 seconds: a condition, not a measure of speed.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string failure)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new Xunit.Sdk.XunitException(failure);
    }
}
