namespace LithairAkka.Cmd.Replication;

/// <summary>
/// The replication operations that change a group, as the node provides them to <see cref="ReplicationCommands"/>
/// (the same ones <c>POST /_raft/force-resync</c> and <c>POST /_raft/transfer-leadership</c> serve). Implementations
/// must be thread-safe.
/// </summary>
public interface IReplicationControl
{
    /// <summary>Has the leader resynchronise the follower at <paramref name="target"/> (its address) from a snapshot.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled.</exception>
    Task<ReplicationControlResult> ForceResyncAsync(string target, CancellationToken token);

    /// <summary>Has the leader hand leadership over to node <paramref name="target"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled.</exception>
    Task<ReplicationControlResult> TransferLeadershipAsync(long target, CancellationToken token);
}
