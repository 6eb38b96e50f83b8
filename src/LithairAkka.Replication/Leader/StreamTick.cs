using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>
/// From <see cref="ReplicationLeader"/> to a <see cref="FollowerStream"/> every heartbeat interval: the core's view of
/// the follower; answered with the stream's <see cref="FollowerSyncState"/>.
/// </summary>
/// <param name="Follower">The core's progress of the follower.</param>
/// <param name="LeaderLastIndex">The leader's last log index.</param>
public sealed record StreamTick(FollowerStatus Follower, long LeaderLastIndex);
