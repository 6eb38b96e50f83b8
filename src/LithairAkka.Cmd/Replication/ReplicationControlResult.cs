namespace LithairAkka.Cmd.Replication;

/// <summary>The answer to a replication operation (force-resync, transfer-leadership), as <c>/_raft/*</c> reports it.</summary>
/// <param name="Success">True when the operation was accepted.</param>
/// <param name="Message">One line for the user (why it failed, or what happens next).</param>
/// <param name="Leader">For a transfer, the leader now known (node id), if any.</param>
public sealed record ReplicationControlResult(bool Success, string Message, long? Leader = null);
