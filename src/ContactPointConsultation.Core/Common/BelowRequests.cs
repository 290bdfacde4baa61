using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace ContactPointConsultation.Core.Common;

/// <summary>
/// Runs heavy background work (the sentence model's encoding) on a thread of its own that the operating system
/// schedules below the threads serving requests: on Linux at nice <see cref="Niceness"/>, on Windows at the lowest
/// thread priority. While young people are sending, the work takes only the CPU their requests leave; when the
/// portal is quiet it runs at full speed. Without this, the model's encoding was a fifth of the portal's CPU during
/// whole journeys, taken as the requests' equal; with it, the question page served 5 to 30% more a second while the
/// job had work (ADR 0029). The work must hold no lock a request could wait for: a thread this low may wait a long
/// time for the CPU.
/// </summary>
public static class BelowRequests
{
    /// <summary>The nice value on Linux: the lowest, so that each busy request thread weighs about 68 times as much.</summary>
    public const int Niceness = 19;

    /// <summary>Runs <paramref name="work"/> on a new low-priority thread, and completes with its result or its exception.</summary>
    public static Task<T> RunAsync<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Run(work, done)) { IsBackground = true, Name = "Below requests" };
        thread.Start();
        return done.Task;
    }

    /// <summary>The calling thread's nice value on Linux (from /proc), or null elsewhere (for the tests).</summary>
    public static int? CurrentNiceness()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // Field 19 of /proc/thread-self/stat, counting after the command name, which may hold spaces.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Every exception is handed to the awaiting task, as Task.Run does.")]
    private static void Run<T>(Func<T> work, TaskCompletionSource<T> done)
    {
        try
        {
            Lower();
            done.SetResult(work());
        }
        catch (OperationCanceledException cancelled)
        {
            done.SetCanceled(cancelled.CancellationToken);
        }
        catch (Exception exception)
        {
            done.SetException(exception);
        }
    }

    private static void Lower()
    {
        if (OperatingSystem.IsWindows())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
        }
        else if (OperatingSystem.IsLinux())
        {
            // Thread.Priority does nothing on Linux. A thread's nice value is its own there (setpriority with the
            // thread's id), and any thread may lower its own priority: it is never raised again, because the
            // thread ends with the work.
            _ = SetPriority(0 /* PRIO_PROCESS */, GetThreadId(), Niceness);
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();
}
