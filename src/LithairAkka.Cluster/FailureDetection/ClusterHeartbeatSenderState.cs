using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// The state of a node's heartbeat sender (Akka's <c>ClusterHeartbeatSenderState</c>): the ring that picks the
/// receivers, the former receivers still monitored because they became unreachable, and the failure detector
/// registry fed with heartbeat responses. The state itself is immutable; the registry it updates is shared and
/// thread-safe. The heartbeat actor calls <see cref="AddMember"/>, <see cref="RemoveMember"/>,
/// <see cref="UnreachableMember"/> and <see cref="ReachableMember"/> on membership events, sends a heartbeat to every
/// <see cref="ActiveReceivers"/> node each <c>heartbeat-interval</c>, schedules <see cref="ExpectedFirstHeartbeat"/>
/// after <c>expected-response-after</c> for the receivers in <see cref="ReceiversAwaitingFirstResponse"/>, and calls
/// <see cref="HeartbeatRsp"/> on each response.
/// </summary>
public sealed class ClusterHeartbeatSenderState
{
    /// <summary>Creates the state.</summary>
    /// <param name="ring">The receiver ring.</param>
    /// <param name="oldReceiversNowUnreachable">Former receivers kept because they were unreachable when dropped.</param>
    /// <param name="failureDetector">The registry fed with heartbeat responses, by address.</param>
    public ClusterHeartbeatSenderState(HeartbeatNodeRing ring, ImmutableHashSet<UniqueAddress> oldReceiversNowUnreachable,
        IFailureDetectorRegistry<Address> failureDetector)
    {
        Ring = ring ?? throw new ArgumentNullException(nameof(ring));
        OldReceiversNowUnreachable = oldReceiversNowUnreachable ?? throw new ArgumentNullException(nameof(oldReceiversNowUnreachable));
        FailureDetector = failureDetector ?? throw new ArgumentNullException(nameof(failureDetector));
        ActiveReceivers = Ring.MyReceivers.Union(OldReceiversNowUnreachable);
    }

    /// <summary>The receiver ring.</summary>
    public HeartbeatNodeRing Ring { get; }

    /// <summary>Former receivers still monitored because they were unreachable when the ring dropped them.</summary>
    public ImmutableHashSet<UniqueAddress> OldReceiversNowUnreachable { get; }

    /// <summary>The registry fed with heartbeat responses.</summary>
    public IFailureDetectorRegistry<Address> FailureDetector { get; }

    /// <summary>The nodes to send heartbeats to: the ring's receivers plus <see cref="OldReceiversNowUnreachable"/>.</summary>
    public ImmutableHashSet<UniqueAddress> ActiveReceivers { get; }

    /// <summary>This node.</summary>
    public UniqueAddress SelfAddress => Ring.SelfAddress;

    /// <summary>
    /// The active receivers not yet monitored: after sending them a heartbeat, schedule
    /// <see cref="ExpectedFirstHeartbeat"/> so that detection starts even if they never answer.
    /// </summary>
    public ImmutableHashSet<UniqueAddress> ReceiversAwaitingFirstResponse =>
        [.. ActiveReceivers.Where(node => !FailureDetector.IsMonitoring(node.Address))];

    /// <summary>The initial state of a node alone in its ring.</summary>
    /// <param name="self">This node.</param>
    /// <param name="monitoredByNrOfMembers">How many nodes monitor each node.</param>
    /// <param name="failureDetector">The registry fed with heartbeat responses.</param>
    public static ClusterHeartbeatSenderState Create(UniqueAddress self, int monitoredByNrOfMembers, IFailureDetectorRegistry<Address> failureDetector) =>
        new(new HeartbeatNodeRing(self, [self], [], monitoredByNrOfMembers), [], failureDetector);

    /// <summary>The state for a known membership (when the sender starts or receives a snapshot).</summary>
    /// <param name="nodes">The members' nodes (this node is added).</param>
    /// <param name="unreachable">The nodes seen as unreachable.</param>
    public ClusterHeartbeatSenderState Init(ImmutableHashSet<UniqueAddress> nodes, ImmutableHashSet<UniqueAddress> unreachable) =>
        With(Ring.Copy(nodes: nodes.Add(SelfAddress), unreachable: unreachable), OldReceiversNowUnreachable);

    /// <summary>True when <paramref name="node"/> is in the ring.</summary>
    /// <param name="node">The node.</param>
    public bool Contains(UniqueAddress node) => Ring.Nodes.Contains(node);

    /// <summary>The state after <paramref name="node"/> joined the membership.</summary>
    /// <param name="node">The new member.</param>
    public ClusterHeartbeatSenderState AddMember(UniqueAddress node) => MembershipChange(Ring.Add(node));

    /// <summary>The state after <paramref name="node"/> was removed; its detector is dropped.</summary>
    /// <param name="node">The removed member.</param>
    public ClusterHeartbeatSenderState RemoveMember(UniqueAddress node)
    {
        var state = MembershipChange(Ring.Remove(node));
        FailureDetector.Remove(node.Address);
        return state.OldReceiversNowUnreachable.Contains(node)
            ? state.With(state.Ring, state.OldReceiversNowUnreachable.Remove(node))
            : state;
    }

    /// <summary>The state after <paramref name="node"/> was seen as unreachable.</summary>
    /// <param name="node">The node.</param>
    public ClusterHeartbeatSenderState UnreachableMember(UniqueAddress node) =>
        MembershipChange(Ring.Copy(unreachable: Ring.Unreachable.Add(node)));

    /// <summary>The state after <paramref name="node"/> was seen as reachable again.</summary>
    /// <param name="node">The node.</param>
    public ClusterHeartbeatSenderState ReachableMember(UniqueAddress node) =>
        MembershipChange(Ring.Copy(unreachable: Ring.Unreachable.Remove(node)));

    /// <summary>
    /// Records a heartbeat response from <paramref name="from"/> when it is an active receiver. A former receiver that
    /// answers is reachable again and stops being monitored.
    /// </summary>
    /// <param name="from">The responding node.</param>
    /// <returns>The new state (this instance when nothing changes).</returns>
    public ClusterHeartbeatSenderState HeartbeatRsp(UniqueAddress from)
    {
        if (!ActiveReceivers.Contains(from))
        {
            return this;
        }

        FailureDetector.Heartbeat(from.Address);
        if (!OldReceiversNowUnreachable.Contains(from))
        {
            return this;
        }

        if (!Ring.MyReceivers.Contains(from))
        {
            FailureDetector.Remove(from.Address);
        }

        return With(Ring, OldReceiversNowUnreachable.Remove(from));
    }

    /// <summary>
    /// Called <c>expected-response-after</c> past the first heartbeat sent to <paramref name="from"/>: when it still
    /// has not answered, starts its failure detector as if it had, so that silence now counts against it.
    /// </summary>
    /// <param name="from">The receiver.</param>
    /// <returns>True when detection was started.</returns>
    public bool ExpectedFirstHeartbeat(UniqueAddress from)
    {
        if (!ActiveReceivers.Contains(from) || FailureDetector.IsMonitoring(from.Address))
        {
            return false;
        }

        FailureDetector.Heartbeat(from.Address);
        return true;
    }

    private ClusterHeartbeatSenderState MembershipChange(HeartbeatNodeRing newRing)
    {
        var oldReceivers = Ring.MyReceivers;
        var adjusted = OldReceiversNowUnreachable;
        foreach (var receiver in oldReceivers.Except(newRing.MyReceivers))
        {
            // A dropped receiver that is down keeps being watched, so that its return or removal is still noticed.
            if (FailureDetector.IsAvailable(receiver.Address))
            {
                FailureDetector.Remove(receiver.Address);
            }
            else
            {
                adjusted = adjusted.Add(receiver);
            }
        }

        return With(newRing, adjusted);
    }

    private ClusterHeartbeatSenderState With(HeartbeatNodeRing ring, ImmutableHashSet<UniqueAddress> oldReceiversNowUnreachable) =>
        ReferenceEquals(ring, Ring) && ReferenceEquals(oldReceiversNowUnreachable, OldReceiversNowUnreachable)
            ? this
            : new ClusterHeartbeatSenderState(ring, oldReceiversNowUnreachable, FailureDetector);
}
