namespace LithairAkka.Replication.Consensus;

/// <summary>A point-in-time copy of a core's state, for monitoring. Safe to keep and share.</summary>
/// <param name="Node">This node.</param>
/// <param name="Group">The group.</param>
/// <param name="Role">The current role.</param>
/// <param name="Term">The current term.</param>
/// <param name="Leader">The known leader.</param>
/// <param name="CommitIndex">The commit index.</param>
/// <param name="AppliedIndex">The last index the host acknowledged as applied.</param>
/// <param name="FirstIndex">The first index still in the log (after the latest snapshot).</param>
/// <param name="LastIndex">The last index in the log.</param>
/// <param name="Configuration">The configuration in force (the latest in the log, committed or not).</param>
/// <param name="LeadershipTransferTarget">On a leader, the node leadership is being handed to.</param>
/// <param name="Followers">On a leader, its view of every other member; empty otherwise.</param>
public sealed record RaftStatus(
    NodeId Node,
    GroupId Group,
    NodeRole Role,
    long Term,
    NodeId? Leader,
    long CommitIndex,
    long AppliedIndex,
    long FirstIndex,
    long LastIndex,
    Configuration Configuration,
    NodeId? LeadershipTransferTarget,
    IReadOnlyList<FollowerStatus> Followers);
