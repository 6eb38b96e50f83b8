namespace LithairAkka.Cluster;

/// <summary>The heartbeat messages between <see cref="ClusterHeartbeatSender"/> and <see cref="ClusterHeartbeatReceiver"/>. Immutable.</summary>
internal static class ClusterHeartbeat
{
    /// <summary>Sent every <c>heartbeat-interval</c> by <paramref name="From"/> to each node it monitors.</summary>
    /// <param name="From">The sender's address.</param>
    /// <param name="SequenceNr">Increases with every heartbeat round.</param>
    /// <param name="CreationTimeTicks">The sender's monotonic timestamp, echoed in the response.</param>
    public sealed record Heartbeat(Address From, long SequenceNr, long CreationTimeTicks) : IDeadLetterSuppression, INotInfluenceReceiveTimeout;

    /// <summary>The answer to <see cref="Heartbeat"/> from the incarnation <paramref name="From"/>.</summary>
    /// <param name="From">The responding incarnation.</param>
    /// <param name="SequenceNr">The heartbeat's sequence number.</param>
    /// <param name="CreationTimeTicks">The heartbeat's timestamp.</param>
    public sealed record HeartbeatRsp(UniqueAddress From, long SequenceNr, long CreationTimeTicks) : IDeadLetterSuppression, INotInfluenceReceiveTimeout;
}
