using LithairAkka.Cluster;

namespace LithairAkka.Management.Membership;

/// <summary>Builds the JSON bodies of the cluster routes from the cluster's published state. Stateless.</summary>
internal static class ClusterViews
{
    public static ClusterMembersBody Members(ReachabilityObserver membership)
    {
        var cluster = membership.Cluster;
        var state = cluster.State;
        var unreachable = state.Unreachable
            .OrderBy(m => m.Address, Member.AddressOrdering)
            .Select(m => new ClusterUnreachableMemberBody(
                m.Address.ToString(),
                [.. membership.ObserversOf(m.UniqueAddress).Select(a => a.ToString())]))
            .ToArray();
        return new ClusterMembersBody(
            cluster.SelfAddress.ToString(),
            state.Leader?.ToString(),
            MemberAddress.Oldest(state)?.Address.ToString(),
            [.. state.Members.Select(ToBody)],
            unreachable);
    }

    public static SeedNodesBody SeedNodes(ReachabilityObserver membership)
    {
        var cluster = membership.Cluster;
        var seeds = cluster.State.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.WeaklyUp).Select(ToBody).ToArray();
        return new SeedNodesBody(cluster.SelfAddress.ToString(), seeds);
    }

    public static ClusterMemberBody ToBody(Member member) => new(
        member.Address.ToString(),
        MemberAddress.UidText(member),
        MemberAddress.StatusName(member.Status),
        [.. member.Roles.Order(StringComparer.Ordinal)]);
}
