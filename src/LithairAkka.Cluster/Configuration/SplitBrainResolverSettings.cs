namespace LithairAkka.Cluster;

/// <summary>
/// <c>akka.cluster.split-brain-resolver</c>: which downing strategy runs and when it may decide. Immutable; bound by
/// <see cref="ClusterSettings.FromConfig"/>.
/// </summary>
public sealed record SplitBrainResolverSettings
{
    /// <summary>The <c>keep-majority</c> strategy name.</summary>
    public const string KeepMajorityName = "keep-majority";

    /// <summary>The <c>static-quorum</c> strategy name.</summary>
    public const string StaticQuorumName = "static-quorum";

    /// <summary>The <c>keep-oldest</c> strategy name.</summary>
    public const string KeepOldestName = "keep-oldest";

    /// <summary>The <c>down-all</c> strategy name.</summary>
    public const string DownAllName = "down-all";

    /// <summary>The strategies this runtime provides.</summary>
    public static IReadOnlyList<string> StrategyNames { get; } = [KeepMajorityName, StaticQuorumName, KeepOldestName, DownAllName];

    /// <summary>The strategy in use (<see cref="KeepMajorityName"/> by default).</summary>
    public string ActiveStrategy { get; init; } = KeepMajorityName;

    /// <summary>How long membership and reachability must stay unchanged before a decision (20 s).</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// <c>down-all-when-unstable</c>: <see langword="null"/> for <c>on</c> (derived from <see cref="StableAfter"/>),
    /// <see cref="TimeSpan.Zero"/> for <c>off</c>, or an explicit duration.
    /// </summary>
    public TimeSpan? DownAllWhenUnstable { get; init; }

    /// <summary>
    /// The effective <c>down-all-when-unstable</c> duration: when reachability keeps changing for longer than
    /// <see cref="StableAfter"/> plus this, every node is downed. <c>on</c> means 3/4 of stable-after, at least 4 s
    /// (15 s with the defaults); <see cref="TimeSpan.Zero"/> means off.
    /// </summary>
    public TimeSpan DownAllWhenUnstableDuration => DownAllWhenUnstable
        ?? TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(4).Ticks, StableAfter.Ticks * 3 / 4));

    /// <summary><c>keep-majority.role</c>: count only members with this role (<see langword="null"/> for all).</summary>
    public string? KeepMajorityRole { get; init; }

    /// <summary><c>static-quorum.quorum-size</c>: the least number of members a side needs to survive (0 when undefined).</summary>
    public int StaticQuorumSize { get; init; }

    /// <summary><c>static-quorum.role</c>: count only members with this role (<see langword="null"/> for all).</summary>
    public string? StaticQuorumRole { get; init; }

    /// <summary><c>keep-oldest.down-if-alone</c>: down the oldest when it is alone on its side (on).</summary>
    public bool KeepOldestDownIfAlone { get; init; } = true;

    /// <summary><c>keep-oldest.role</c>: the oldest among members with this role (<see langword="null"/> for all).</summary>
    public string? KeepOldestRole { get; init; }

    /// <summary>The strategy these settings select.</summary>
    /// <returns>A new strategy instance.</returns>
    /// <exception cref="InvalidOperationException">The strategy name is unknown, or static-quorum has no quorum size.</exception>
    public DowningStrategy CreateStrategy() => ActiveStrategy switch
    {
        KeepMajorityName => new KeepMajority(KeepMajorityRole),
        StaticQuorumName when StaticQuorumSize >= 1 => new StaticQuorum(StaticQuorumSize, StaticQuorumRole),
        StaticQuorumName => throw new InvalidOperationException("static-quorum needs a quorum-size of at least 1."),
        KeepOldestName => new KeepOldest(KeepOldestDownIfAlone, KeepOldestRole),
        DownAllName => new DownAllNodes(),
        _ => throw new InvalidOperationException($"Unknown split-brain resolver strategy '{ActiveStrategy}'."),
    };
}
