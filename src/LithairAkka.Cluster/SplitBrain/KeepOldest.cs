namespace LithairAkka.Cluster;

/// <summary>
/// <c>keep-oldest</c>: the side holding the oldest Up or Leaving member (with the role, when one is set; the node
/// that runs cluster singletons) survives. With <see cref="DownIfAlone"/>, an oldest member cut off alone from two or
/// more others downs itself and the others survive; a two-node cluster still keeps the oldest. When a membership
/// change at the time of the partition could flip the outcome, every node is downed instead.
/// </summary>
public sealed class KeepOldest : DowningStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="downIfAlone">Down the oldest when it is alone on its side.</param>
    /// <param name="role">Consider only members with this role; <see langword="null"/> for all.</param>
    public KeepOldest(bool downIfAlone = true, string? role = null)
        : base(role, Member.AgeOrdering)
    {
        DownIfAlone = downIfAlone;
    }

    /// <summary>Down the oldest when it is alone on its side.</summary>
    public bool DownIfAlone { get; }

    /// <inheritdoc/>
    public override DowningDecision Decide(SplitBrainView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.HasIndirectlyConnected)
        {
            return DowningDecision.DownIndirectlyConnected;
        }

        var members = GetMembersWithRole(view);
        if (members.IsEmpty)
        {
            return DowningDecision.DownAll;
        }

        var decision = OldestDecision(!view.IsUnreachable(members[0]), GetReachableMembersWithRole(view).Count,
            GetUnreachableMembersWithRole(view).Count);
        if (decision != DowningDecision.DownUnreachable)
        {
            return decision;
        }

        // Leaving members may be Exiting on the other side; with down-if-alone, Joining members may be Up there.
        var strict = GetMembersWithRole(view, includingPossiblyUp: false, excludingPossiblyExiting: true);
        if (strict.IsEmpty)
        {
            return DowningDecision.DownAll;
        }

        var edgeCase = OldestDecision(
            !view.IsUnreachable(strict[0]),
            GetReachableMembersWithRole(view, includingPossiblyUp: DownIfAlone, excludingPossiblyExiting: true).Count,
            GetUnreachableMembersWithRole(view, includingPossiblyUp: DownIfAlone, excludingPossiblyExiting: true).Count);
        return edgeCase == DowningDecision.DownUnreachable ? DowningDecision.DownUnreachable : DowningDecision.DownAll;
    }

    private DowningDecision OldestDecision(bool oldestIsOnThisSide, int thisSide, int otherSide)
    {
        if (oldestIsOnThisSide)
        {
            // Two nodes: keep the oldest even though it is alone, the other side is no better.
            return DownIfAlone && thisSide == 1 && otherSide >= 2 ? DowningDecision.DownReachable : DowningDecision.DownUnreachable;
        }

        return DownIfAlone && otherSide == 1 && thisSide >= 2 ? DowningDecision.DownUnreachable : DowningDecision.DownReachable;
    }
}
