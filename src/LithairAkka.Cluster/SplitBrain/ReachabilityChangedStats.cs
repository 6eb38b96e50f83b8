namespace LithairAkka.Cluster;

/// <summary>
/// How unstable reachability has been since the resolver last decided or saw everything healed: when the first and
/// the latest change happened and how many there were. Immutable.
/// </summary>
/// <param name="FirstChange">When the first counted change happened.</param>
/// <param name="LatestChange">When the latest counted change happened.</param>
/// <param name="ChangeCount">How many changes were counted.</param>
public sealed record ReachabilityChangedStats(DateTimeOffset FirstChange, DateTimeOffset LatestChange, long ChangeCount)
{
    /// <summary>True when no change was counted.</summary>
    public bool IsEmpty => ChangeCount == 0;

    /// <summary>No change counted, as of <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    public static ReachabilityChangedStats Reset(DateTimeOffset now) => new(now, now, 0);

    /// <summary>These stats with one more change at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    public ReachabilityChangedStats Changed(DateTimeOffset now) =>
        IsEmpty ? new ReachabilityChangedStats(now, now, 1) : this with { LatestChange = now, ChangeCount = ChangeCount + 1 };
}
