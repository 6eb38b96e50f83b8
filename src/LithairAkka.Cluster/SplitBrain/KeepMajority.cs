namespace LithairAkka.Cluster;

/// <summary>
/// <c>keep-majority</c> (the default): the side with more members survives and downs the other; with equal sides,
/// the side holding the member with the lowest address survives. Only Up and Leaving members (with the role, when
/// one is set) are counted. When a membership change may have happened on the other side at the time of the
/// partition (Joining or WeaklyUp members that may be Up there, Leaving members that may be Exiting there) and that
/// could flip the outcome, every node is downed instead; on a tie in that check this side must surely hold the lowest
/// address any side may count (stricter than Akka, see <c>LowestIsSurelyOnThisSide</c>). With more than two
/// partitions and none a majority, every side downs itself.
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

        var thisSide = GetReachableMembersWithRole(view, includingPossiblyUp: false, excludingPossiblyExiting: true).Count;
        var otherSide = GetUnreachableMembersWithRole(view, includingPossiblyUp: true, excludingPossiblyExiting: false).Count;
        var edgeCase = thisSide == otherSide
            ? (LowestIsSurelyOnThisSide(view, strict[0]) ? DowningDecision.DownUnreachable : DowningDecision.DownReachable)
            : MajorityDecision(view, thisSide, otherSide, strict[0]);
        return edgeCase == DowningDecision.DownUnreachable ? DowningDecision.DownUnreachable : DowningDecision.DownAll;
    }

    /// <summary>
    /// On a tie the side with the lowest counted address wins, but the other side may count members this side does
    /// not (a Joining member it moved to Up, a Leaving member it did not move to Exiting). This side is only sure to
    /// hold the lowest when every member that may be counted, up to the lowest member surely counted, is reachable.
    /// Akka checks only the lowest surely counted member, which lets both sides survive when a Joining member with a
    /// lower address was moved to Up on one side just before the partition.
    /// </summary>
    private bool LowestIsSurelyOnThisSide(SplitBrainView view, Member lowestSurelyCounted)
    {
        foreach (var member in GetMembersWithRole(view, includingPossiblyUp: true, excludingPossiblyExiting: false).Order(Member.Ordering))
        {
            if (view.IsUnreachable(member))
            {
                return false;
            }

            if (member.Equals(lowestSurelyCounted))
            {
                return true;
            }
        }

        return false;
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
