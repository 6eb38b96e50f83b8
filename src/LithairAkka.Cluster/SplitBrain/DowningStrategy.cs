using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// A split-brain resolver strategy, after Akka's <c>Akka.Cluster.SBR.DowningStrategy</c>: from a node's
/// <see cref="SplitBrainView"/> it decides which side of a partition survives (<see cref="Decide"/>) and which
/// nodes that means downing (<see cref="NodesToDown(SplitBrainView, DowningDecision)"/>). Strategies are stateless
/// and thread-safe; the counted members are those in Up or Leaving (optionally with <see cref="Role"/>), and a
/// strategy only counts membership changes that both sides of a partition can have seen.
/// </summary>
public abstract class DowningStrategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="role">Count only members with this role; <see langword="null"/> or empty for all.</param>
    /// <param name="ordering">The order in which members are considered (address, or age for keep-oldest).</param>
    protected DowningStrategy(string? role, IComparer<Member> ordering)
    {
        Role = string.IsNullOrEmpty(role) ? null : role;
        Ordering = ordering ?? throw new ArgumentNullException(nameof(ordering));
    }

    /// <summary>The role whose members are counted, or <see langword="null"/> for all members.</summary>
    public string? Role { get; }

    /// <summary>The order in which members are considered.</summary>
    public IComparer<Member> Ordering { get; }

    /// <summary>The decision for <paramref name="view"/>.</summary>
    /// <param name="view">What this node knows.</param>
    public abstract DowningDecision Decide(SplitBrainView view);

    /// <summary>The reverse decision, as used when the other side should win instead.</summary>
    /// <param name="decision">A decision.</param>
    public static DowningDecision ReverseDecision(DowningDecision decision) => decision switch
    {
        DowningDecision.DownUnreachable => DowningDecision.DownReachable,
        DowningDecision.DownReachable => DowningDecision.DownUnreachable,
        DowningDecision.DownAll => DowningDecision.DownAll,
        DowningDecision.DownIndirectlyConnected => DowningDecision.ReverseDownIndirectlyConnected,
        DowningDecision.ReverseDownIndirectlyConnected => DowningDecision.DownIndirectlyConnected,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision."),
    };

    /// <summary>True when <paramref name="decision"/> concerns indirectly connected nodes.</summary>
    /// <param name="decision">A decision.</param>
    public static bool IsIndirectlyConnected(DowningDecision decision) =>
        decision is DowningDecision.DownIndirectlyConnected or DowningDecision.ReverseDownIndirectlyConnected;

    /// <summary>The nodes to down for the strategy's own decision on <paramref name="view"/>.</summary>
    /// <param name="view">What this node knows.</param>
    /// <exception cref="InvalidOperationException">See <see cref="NodesToDown(SplitBrainView, DowningDecision)"/>.</exception>
    public ImmutableHashSet<UniqueAddress> NodesToDown(SplitBrainView view) => NodesToDown(view, Decide(view));

    /// <summary>
    /// The nodes <paramref name="decision"/> downs in <paramref name="view"/>: of the members not yet Down or Exiting,
    /// the unreachable ones, the reachable ones, all, or the indirectly connected ones plus what the strategy decides
    /// for the rest.
    /// </summary>
    /// <param name="view">What this node knows.</param>
    /// <param name="decision">The decision.</param>
    /// <returns>The nodes to down.</returns>
    /// <exception cref="InvalidOperationException">Even without the observations among indirectly connected nodes the
    /// strategy still finds indirectly connected nodes; down all nodes instead.</exception>
    public ImmutableHashSet<UniqueAddress> NodesToDown(SplitBrainView view, DowningDecision decision) =>
        TryNodesToDown(view, decision, out var nodes)
            ? nodes
            : throw new InvalidOperationException($"Split-brain resolver reached a second indirectly-connected decision on {view.Reachability}; down all nodes instead.");

    internal bool TryNodesToDown(SplitBrainView view, DowningDecision decision, out ImmutableHashSet<UniqueAddress> nodes)
    {
        ArgumentNullException.ThrowIfNull(view);
        var downable = view.AllMembers
            .Where(m => m.Status is not (MemberStatus.Down or MemberStatus.Exiting))
            .Select(m => m.UniqueAddress)
            .ToImmutableHashSet();
        switch (decision)
        {
            case DowningDecision.DownUnreachable:
                nodes = downable.Intersect(view.Unreachable);
                return true;
            case DowningDecision.DownReachable:
                nodes = downable.Except(view.Unreachable);
                return true;
            case DowningDecision.DownAll:
                nodes = downable;
                return true;
            case DowningDecision.ReverseDownIndirectlyConnected:
                nodes = downable.Intersect(view.IndirectlyConnected).Union(downable.Except(view.Unreachable));
                return true;
            case DowningDecision.DownIndirectlyConnected:
                if (!TryAdditionalNodesToDown(view, out var additional))
                {
                    nodes = [];
                    return false;
                }

                // Down the indirectly connected nodes and, for a clean partition or crash mixed in, what the strategy
                // decides once the indirectly connected nodes' observations of each other are ignored.
                nodes = downable.Intersect(view.IndirectlyConnected.Union(additional));
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision.");
        }
    }

    /// <summary>Members in Up or Leaving (and, as asked, Joining/WeaklyUp; without Leaving), in <see cref="Ordering"/>.</summary>
    /// <param name="view">What this node knows.</param>
    /// <param name="includingPossiblyUp">Also Joining and WeaklyUp members, which the other side may have moved to Up.</param>
    /// <param name="excludingPossiblyExiting">Leave out Leaving members, which the other side may have moved to Exiting.</param>
    protected ImmutableList<Member> GetMembers(SplitBrainView view, bool includingPossiblyUp, bool excludingPossiblyExiting)
    {
        ArgumentNullException.ThrowIfNull(view);
        return [.. view.AllMembers.Where(m => m.Status switch
        {
            MemberStatus.Joining or MemberStatus.WeaklyUp => includingPossiblyUp,
            MemberStatus.Leaving => !excludingPossiblyExiting,
            MemberStatus.Up => true,
            _ => false,
        }).Order(Ordering)];
    }

    /// <summary><see cref="GetMembers"/> restricted to <see cref="Role"/>.</summary>
    /// <param name="view">What this node knows.</param>
    /// <param name="includingPossiblyUp">Also Joining and WeaklyUp members.</param>
    /// <param name="excludingPossiblyExiting">Leave out Leaving members.</param>
    protected ImmutableList<Member> GetMembersWithRole(SplitBrainView view, bool includingPossiblyUp = false, bool excludingPossiblyExiting = false)
    {
        var members = GetMembers(view, includingPossiblyUp, excludingPossiblyExiting);
        return Role is null ? members : members.RemoveAll(m => !m.HasRole(Role));
    }

    /// <summary>The reachable members of <see cref="GetMembersWithRole"/>.</summary>
    /// <param name="view">What this node knows.</param>
    /// <param name="includingPossiblyUp">Also Joining and WeaklyUp members.</param>
    /// <param name="excludingPossiblyExiting">Leave out Leaving members.</param>
    protected ImmutableList<Member> GetReachableMembersWithRole(SplitBrainView view, bool includingPossiblyUp = false, bool excludingPossiblyExiting = false) =>
        GetMembersWithRole(view, includingPossiblyUp, excludingPossiblyExiting).RemoveAll(view.IsUnreachable);

    /// <summary>The unreachable members of <see cref="GetMembersWithRole"/>.</summary>
    /// <param name="view">What this node knows.</param>
    /// <param name="includingPossiblyUp">Also Joining and WeaklyUp members.</param>
    /// <param name="excludingPossiblyExiting">Leave out Leaving members.</param>
    protected ImmutableList<Member> GetUnreachableMembersWithRole(SplitBrainView view, bool includingPossiblyUp = false, bool excludingPossiblyExiting = false) =>
        GetMembersWithRole(view, includingPossiblyUp, excludingPossiblyExiting).RemoveAll(m => !view.IsUnreachable(m));

    private bool TryAdditionalNodesToDown(SplitBrainView view, out ImmutableHashSet<UniqueAddress> nodes)
    {
        nodes = [];
        if (view.UnreachableButNotIndirectlyConnected.IsEmpty)
        {
            return true;
        }

        var rest = view.WithoutIndirectlyConnectedObservations();
        var decision = Decide(rest);
        if (IsIndirectlyConnected(decision))
        {
            return false;
        }

        return TryNodesToDown(rest, decision, out nodes);
    }
}
