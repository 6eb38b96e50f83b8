using System.Diagnostics;

namespace LithairAkka.TestKit.Internal;

/// <summary>A real-time deadline (expectations run on wall-clock time even when the system uses a fake clock).</summary>
internal readonly record struct Deadline(long Timestamp, bool IsInfinite)
{
    public static Deadline After(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan
            ? new Deadline(0, true)
            : new Deadline(Stopwatch.GetTimestamp() + (long)(Math.Max(0, timeout.TotalSeconds) * Stopwatch.Frequency), false);

    public TimeSpan Remaining =>
        IsInfinite
            ? Timeout.InfiniteTimeSpan
            : TimeSpan.FromSeconds(Math.Max(0, (Timestamp - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));

    public bool IsOverdue => !IsInfinite && Stopwatch.GetTimestamp() >= Timestamp;
}
