namespace LithairAkka.Cluster;

/// <summary>
/// <c>static-quorum</c>: a side survives when it has at least <see cref="QuorumSize"/> reachable Up or Leaving members
/// (with the role, when one is set), and downs itself otherwise. The cluster must never hold more than
/// <c>quorum-size * 2 - 1</c> members, or both sides of a split could reach the quorum: when it does, every node is
/// downed. Unlike Akka, Joining and WeaklyUp members count towards that limit, since the other side of a partition
/// may already have moved them to Up; without that, a partition right after a leader's move could leave both sides
/// with a quorum.
/// </summary>
public sealed class StaticQuorum : DowningStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="quorumSize">The least number of members a surviving side has.</param>
    /// <param name="role">Count only members with this role; <see langword="null"/> for all.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quorumSize"/> is less than 1.</exception>
    public StaticQuorum(int quorumSize, string? role = null)
        : base(role, Member.Ordering)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quorumSize, 1);
        QuorumSize = quorumSize;
    }

    /// <summary>The least number of members a surviving side has.</summary>
    public int QuorumSize { get; }

    /// <summary>True when the view holds more than <c>quorum-size * 2 - 1</c> Up, Leaving, Joining or WeaklyUp members.</summary>
    /// <param name="view">What this node knows.</param>
    public bool IsTooManyMembers(SplitBrainView view) => GetMembersWithRole(view, includingPossiblyUp: true).Count > (QuorumSize * 2) - 1;

    /// <inheritdoc/>
    public override DowningDecision Decide(SplitBrainView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (IsTooManyMembers(view))
        {
            return DowningDecision.DownAll;
        }

        if (view.HasIndirectlyConnected)
        {
            return DowningDecision.DownIndirectlyConnected;
        }

        return GetMembersWithRole(view).Count - GetUnreachableMembersWithRole(view).Count >= QuorumSize
            ? DowningDecision.DownUnreachable
            : DowningDecision.DownReachable;
    }
}
