namespace LithairAkka.Cluster;

/// <summary>
/// <c>keep-majority</c> (the default): the side with more members survives and downs the other; with equal sides,
/// the side holding the member with the lowest address survives. Only Up and Leaving members (with the role, when
/// one is set) are counted. When a membership change may have happened on the other side at the time of the
/// partition (Joining or WeaklyUp members that may be Up there, Leaving members that may be Exiting there) and that
/// could flip the outcome, every node is downed instead. With more than two partitions and none a majority, every
/// side downs itself.
/// </summary>
public sealed class KeepMajority : DowningStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="role">Count only members with this role; <see langword="null"/> for all.</param>
    public KeepMajority(string? role = null)
        : base(role, Member.Ordering)
    {
    }

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

        var decision = MajorityDecision(view, GetReachableMembersWithRole(view).Count, GetUnreachableMembersWithRole(view).Count, members[0]);
        if (decision != DowningDecision.DownUnreachable)
        {
            return decision;
        }

        // Count as few as possible on this side (no Joining, no Leaving) and as many as possible on the other
        // (Joining and Leaving too): if the conclusion changes, the sides may disagree, so down everything.
        var strict = GetMembersWithRole(view, includingPossiblyUp: false, excludingPossiblyExiting: true);
        if (strict.IsEmpty)
        {
            return DowningDecision.DownAll;
        }

        var edgeCase = MajorityDecision(
            view,
            GetReachableMembersWithRole(view, includingPossiblyUp: false, excludingPossiblyExiting: true).Count,
            GetUnreachableMembersWithRole(view, includingPossiblyUp: true, excludingPossiblyExiting: false).Count,
            strict[0]);
        return edgeCase == DowningDecision.DownUnreachable ? DowningDecision.DownUnreachable : DowningDecision.DownAll;
    }

    private static DowningDecision MajorityDecision(SplitBrainView view, int thisSide, int otherSide, Member lowestAddress)
    {
        if (thisSide == otherSide)
        {
            return view.IsUnreachable(lowestAddress) ? DowningDecision.DownReachable : DowningDecision.DownUnreachable;
        }

        return thisSide > otherSide ? DowningDecision.DownUnreachable : DowningDecision.DownReachable;
    }
}
