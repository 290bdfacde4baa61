using System.Data.Common;

namespace ContactPointConsultation.Core.Data;

public static class DatabaseFaults
{
    /// <summary>A failure of the database itself (unreachable, busy, locked, full, read-only), however EF wraps it.</summary>
    public static bool IsFault(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
