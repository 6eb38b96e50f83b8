namespace LithairAkka.Cluster;

/// <summary>
/// Answers the heartbeats of the nodes that monitor this one (Akka's <c>ClusterHeartbeatReceiver</c>), at
/// <c>/system/cluster/heartbeatReceiver</c>. The answer names this incarnation, so a node restarted on the same
/// address does not keep its predecessor reachable.
/// </summary>
internal sealed class ClusterHeartbeatReceiver : ActorBase
{
    private readonly UniqueAddress _self;

    public ClusterHeartbeatReceiver(Cluster cluster)
    {
        _self = cluster.SelfUniqueAddress;
    }

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        if (message is not ClusterHeartbeat.Heartbeat heartbeat)
        {
            return false;
        }

        Sender.Tell(new ClusterHeartbeat.HeartbeatRsp(_self, heartbeat.SequenceNr, heartbeat.CreationTimeTicks), Self);
        return true;
    }
}
