using LithairAkka.Remote;

namespace LithairAkka.Cluster;

/// <summary>
/// <c>akka.cluster.failure-detector</c>: the heartbeat schedule and the phi accrual failure detector's parameters.
/// Immutable; bound by <see cref="ClusterSettings.FromConfig"/>.
/// </summary>
public sealed record ClusterFailureDetectorSettings
{
    /// <summary>How often heartbeats are sent to each monitored node; also the detector's first-heartbeat estimate (1 s).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The phi value at which a node is considered unreachable (8.0).</summary>
    public double Threshold { get; init; } = 8.0;

    /// <summary>How many heartbeat intervals the detector keeps to estimate the distribution (1000).</summary>
    public int MaxSampleSize { get; init; } = 1000;

    /// <summary>The least standard deviation the detector assumes (100 ms).</summary>
    public TimeSpan MinStdDeviation { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long heartbeats may be missing before it counts as an anomaly (3 s).</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>After the first heartbeat request, failure detection starts after this even without a reply (1 s).</summary>
    public TimeSpan ExpectedResponseAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many other members monitor each member (9, Akka 2.6 and Akka.NET 1.4+).</summary>
    public int MonitoredByNrOfMembers { get; init; } = 9;

    /// <summary>A new phi accrual failure detector with these parameters.</summary>
    /// <param name="timeProvider">The clock heartbeats are stamped with.</param>
    /// <returns>The detector.</returns>
    public PhiAccrualFailureDetector CreateFailureDetector(TimeProvider timeProvider) =>
        new(Threshold, MaxSampleSize, MinStdDeviation, AcceptableHeartbeatPause, HeartbeatInterval, timeProvider);
}
