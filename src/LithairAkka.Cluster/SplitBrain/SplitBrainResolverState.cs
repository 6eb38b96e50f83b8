using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// The pure core of Akka's split-brain resolver actor: it follows the cluster events into a
/// <see cref="SplitBrainView"/>, tracks when membership and reachability last changed, and on each tick (every second
/// in Akka) decides whether to down nodes. A decision is only taken by the leader (once its own member is Up or
/// WeaklyUp), when some node is unreachable and nothing changed for <c>stable-after</c>; every change of reachability
/// or of Up/Exiting members restarts that wait. Independently, on every node, when reachability has kept changing for
/// longer than <c>stable-after + down-all-when-unstable</c> since the first change, every node is downed. Immutable
/// and thread-safe: each method returns a new state; time is passed in.
/// </summary>
public sealed partial class SplitBrainResolverState
{
    private SplitBrainResolverState(SplitBrainResolverState other)
    {
        SelfUniqueAddress = other.SelfUniqueAddress;
        Strategy = other.Strategy;
        StableAfter = other.StableAfter;
        DownAllWhenUnstable = other.DownAllWhenUnstable;
        View = other.View;
        StableDeadline = other.StableDeadline;
        ReachabilityChangedStats = other.ReachabilityChangedStats;
        IsLeader = other.IsLeader;
        SelfMemberAdded = other.SelfMemberAdded;
        IsSelfRemoved = other.IsSelfRemoved;
    }

    private SplitBrainResolverState(UniqueAddress self, DowningStrategy strategy, TimeSpan stableAfter, TimeSpan downAllWhenUnstable, DateTimeOffset now)
    {
        SelfUniqueAddress = self;
        Strategy = strategy;
        StableAfter = stableAfter;
        DownAllWhenUnstable = downAllWhenUnstable;
        View = SplitBrainView.Empty;
        StableDeadline = now + stableAfter;
        ReachabilityChangedStats = ReachabilityChangedStats.Reset(now);
    }

    /// <summary>This node.</summary>
    public UniqueAddress SelfUniqueAddress { get; }

    /// <summary>The strategy deciding.</summary>
    public DowningStrategy Strategy { get; }

    /// <summary>How long nothing may change before a decision.</summary>
    public TimeSpan StableAfter { get; }

    /// <summary>Extra instability tolerated before downing all nodes; <see cref="TimeSpan.Zero"/> is off.</summary>
    public TimeSpan DownAllWhenUnstable { get; }

    /// <summary>What the resolver knows.</summary>
    public SplitBrainView View { get; private init; }

    /// <summary>No decision before this time.</summary>
    public DateTimeOffset StableDeadline { get; private init; }

    /// <summary>Reachability changes since the last decision or full recovery.</summary>
    public ReachabilityChangedStats ReachabilityChangedStats { get; private init; }

    /// <summary>True when this node is the leader.</summary>
    public bool IsLeader { get; private init; }

    /// <summary>True once this node's own member was seen Up or WeaklyUp.</summary>
    public bool SelfMemberAdded { get; private init; }

    /// <summary>True when this node takes the decisions: it is the leader and its member was added.</summary>
    public bool IsResponsible => IsLeader && SelfMemberAdded;

    /// <summary>True once this node's own member was removed; the resolver should stop.</summary>
    public bool IsSelfRemoved { get; private init; }

    /// <summary>The initial state.</summary>
    /// <param name="self">This node.</param>
    /// <param name="strategy">The strategy.</param>
    /// <param name="stableAfter">How long nothing may change before a decision.</param>
    /// <param name="downAllWhenUnstable">Extra instability tolerated before downing all; zero is off.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The state.</returns>
    public static SplitBrainResolverState Create(UniqueAddress self, DowningStrategy strategy, TimeSpan stableAfter, TimeSpan downAllWhenUnstable,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stableAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(downAllWhenUnstable, TimeSpan.Zero);
        return new SplitBrainResolverState(self, strategy, stableAfter, downAllWhenUnstable, now);
    }

    /// <summary>The initial state for <paramref name="settings"/>.</summary>
    /// <param name="self">This node.</param>
    /// <param name="settings">The resolver settings.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The state.</returns>
    public static SplitBrainResolverState Create(UniqueAddress self, SplitBrainResolverSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Create(self, settings.CreateStrategy(), settings.StableAfter, settings.DownAllWhenUnstableDuration, now);
    }

    /// <summary>
    /// The state after one tick at <paramref name="now"/>: first the instability check (on every node), then, when
    /// responsible, the strategy's decision once some Up or Leaving member is unreachable and <see cref="StableDeadline"/> has passed.
    /// After a decision that downs nodes the stable deadline and the instability statistics start over.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>The next state and the decision to carry out, if any.</returns>
    public SplitBrainTickResult Tick(DateTimeOffset now)
    {
        var state = this;
        var stats = ReachabilityChangedStats;
        if (!stats.IsEmpty)
        {
            var downAllEnabled = DownAllWhenUnstable > TimeSpan.Zero;
            if (downAllEnabled && now - stats.FirstChange > StableAfter + DownAllWhenUnstable)
            {
                var decision = ActOnDecision(DowningDecision.DownAll, dueToInstability: true);
                if (decision is not null)
                {
                    return new SplitBrainTickResult(AfterDecision(now), decision);
                }
            }
            else if (!downAllEnabled && now - stats.LatestChange > StableAfter + StableAfter)
            {
                state = new SplitBrainResolverState(this) { ReachabilityChangedStats = ReachabilityChangedStats.Reset(now) };
            }
        }

        // Unreachable members that are all Down or Exiting are removed by the leader without anyone being downed.
        if (state.IsResponsible && !state.View.IsAllUnreachableDownOrExiting && now >= state.StableDeadline)
        {
            var decision = state.ActOnDecision(state.Strategy.Decide(state.View), dueToInstability: false);
            if (decision is not null)
            {
                return new SplitBrainTickResult(state.AfterDecision(now), decision);
            }
        }

        return new SplitBrainTickResult(state, null);
    }

    private SplitBrainDecision? ActOnDecision(DowningDecision decision, bool dueToInstability)
    {
        if (!Strategy.TryNodesToDown(View, decision, out var nodes))
        {
            // Still indirectly connected after ignoring their mutual observations: safest is to down everything.
            decision = DowningDecision.DownAll;
            Strategy.TryNodesToDown(View, decision, out nodes);
        }

        if (nodes.IsEmpty)
        {
            return null;
        }

        var downsSelf = nodes.Contains(SelfUniqueAddress);
        var ordered = nodes.Remove(SelfUniqueAddress).Order().ToImmutableList();
        return new SplitBrainDecision(decision, downsSelf ? ordered.Add(SelfUniqueAddress) : ordered, downsSelf, dueToInstability);
    }

    private SplitBrainResolverState AfterDecision(DateTimeOffset now) => new(this)
    {
        ReachabilityChangedStats = ReachabilityChangedStats.Reset(now),
        StableDeadline = now + StableAfter,
    };
}
