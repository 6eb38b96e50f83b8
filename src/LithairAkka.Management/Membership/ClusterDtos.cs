namespace LithairAkka.Management.Membership;

/// <summary>One member in <c>/cluster/members</c> (JVM Akka Management's <c>ClusterMember</c>).</summary>
/// <param name="Node">Its address, <c>akka.tcp://system@host:port</c>.</param>
/// <param name="NodeUid">Its incarnation uid, as text.</param>
/// <param name="Status">Its status: Joining, WeaklyUp, Up, Leaving, Exiting, Down or Removed.</param>
/// <param name="Roles">Its roles, sorted.</param>
internal sealed record ClusterMemberBody(string Node, string NodeUid, string Status, IReadOnlyList<string> Roles);

/// <summary>One unreachable member and the nodes that observe it so.</summary>
internal sealed record ClusterUnreachableMemberBody(string Node, IReadOnlyList<string> ObservedBy);

/// <summary>The body of <c>GET /cluster/members</c>.</summary>
internal sealed record ClusterMembersBody(
    string SelfNode,
    string? Leader,
    string? Oldest,
    IReadOnlyList<ClusterMemberBody> Members,
    IReadOnlyList<ClusterUnreachableMemberBody> Unreachable);

/// <summary>The body of <c>GET /bootstrap/seed-nodes</c>.</summary>
internal sealed record SeedNodesBody(string SelfNode, IReadOnlyList<ClusterMemberBody> SeedNodes);

/// <summary>The answer of an accepted membership operation (join, leave, down).</summary>
internal sealed record ClusterMessageBody(string Message);
