using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// The <c>akka.cluster</c> settings, bound once from HOCON by <see cref="FromConfig"/> (Akka's
/// <c>ClusterSettings</c>). Immutable; the defaults are those of <c>hocon/reference.conf</c>.
/// </summary>
public sealed partial record ClusterSettings
{
    /// <summary>The default downing provider: the split-brain resolver.</summary>
    public const string SplitBrainResolverProviderClass = "LithairAkka.Cluster.SplitBrainResolverProvider, LithairAkka.Cluster";

    /// <summary>Every default.</summary>
    public static ClusterSettings Default { get; } = new();

    /// <summary><c>seed-nodes</c>: the nodes to contact to join at start (empty: join manually).</summary>
    public ImmutableList<Address> SeedNodes { get; init; } = [];

    /// <summary><c>seed-node-timeout</c>: how long to wait for a seed node to answer the initial join request (5 s).</summary>
    public TimeSpan SeedNodeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>retry-unsuccessful-join-after</c>: retry a failed join after this (10 s); <see langword="null"/> is off.</summary>
    public TimeSpan? RetryUnsuccessfulJoinAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>shutdown-after-unsuccessful-join-seed-nodes</c>: stop the node when joining the seed nodes has not succeeded
    /// after this; <see langword="null"/> (off, the default) keeps trying.
    /// </summary>
    public TimeSpan? ShutdownAfterUnsuccessfulJoinSeedNodes { get; init; }

    /// <summary><c>roles</c>: this node's roles.</summary>
    public ImmutableHashSet<string> Roles { get; init; } = [];

    /// <summary><c>app-version</c>: this node's application version (0.0.0).</summary>
    public AppVersion AppVersion { get; init; } = AppVersion.Zero;

    /// <summary><c>min-nr-of-members</c>: members needed before the leader moves Joining members to Up (1).</summary>
    public int MinNrOfMembers { get; init; } = 1;

    /// <summary><c>role.&lt;name&gt;.min-nr-of-members</c>: members of a role needed before the leader moves Joining members to Up.</summary>
    public ImmutableDictionary<string, int> MinNrOfMembersOfRole { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary><c>periodic-tasks-initial-delay</c>: delay before the gossip, leader and reaper ticks start (1 s).</summary>
    public TimeSpan PeriodicTasksInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>gossip-interval</c>: how often a node gossips (1 s).</summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>gossip-time-to-live</c>: received gossip older than this is discarded (2 s).</summary>
    public TimeSpan GossipTimeToLive { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>gossip-different-view-probability</c>: chance of gossiping to a node with another view (0.8).</summary>
    public double GossipDifferentViewProbability { get; init; } = 0.8;

    /// <summary><c>reduce-gossip-different-view-probability</c>: cluster size above which that chance decreases (400).</summary>
    public int ReduceGossipDifferentViewProbability { get; init; } = 400;

    /// <summary><c>leader-actions-interval</c>: how often the leader runs <see cref="LeaderActions"/> (1 s).</summary>
    public TimeSpan LeaderActionsInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>unreachable-nodes-reaper-interval</c>: how often failure-detector verdicts enter the gossip (1 s).</summary>
    public TimeSpan UnreachableNodesReaperInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>allow-weakly-up-members</c>: without convergence for this long the leader moves Joining members to WeaklyUp
    /// (7 s); <see cref="TimeSpan.Zero"/> is off.
    /// </summary>
    public TimeSpan WeaklyUpAfter { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>True when <see cref="WeaklyUpAfter"/> is on.</summary>
    public bool AllowWeaklyUpMembers => WeaklyUpAfter > TimeSpan.Zero;

    /// <summary><c>down-removal-margin</c>: extra wait before removing a downed node's shards and singletons (off = zero).</summary>
    public TimeSpan DownRemovalMargin { get; init; } = TimeSpan.Zero;

    /// <summary><c>prune-gossip-tombstones-after</c>: how long removed nodes are remembered in the gossip (24 h).</summary>
    public TimeSpan PruneGossipTombstonesAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary><c>downing-provider-class</c>: the type that decides which unreachable nodes to down (empty: none).</summary>
    public string DowningProviderClass { get; init; } = SplitBrainResolverProviderClass;

    /// <summary><c>run-coordinated-shutdown-when-down</c>: run coordinated shutdown when this node is downed (on).</summary>
    public bool RunCoordinatedShutdownWhenDown { get; init; } = true;

    /// <summary><c>failure-detector</c>: heartbeats and the phi accrual failure detector.</summary>
    public ClusterFailureDetectorSettings FailureDetector { get; init; } = new();

    /// <summary><c>split-brain-resolver</c>: the downing strategy and its timing.</summary>
    public SplitBrainResolverSettings SplitBrainResolver { get; init; } = new();
}
