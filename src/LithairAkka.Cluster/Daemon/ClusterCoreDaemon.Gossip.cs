namespace LithairAkka.Cluster;

/// <summary>Gossip: choosing a target each tick, receiving gossip and status.</summary>
internal sealed partial class ClusterCoreDaemon
{
    private void GossipTick()
    {
        var gossip = LatestGossip;
        var candidates = gossip.Members.Where(m => _membership.ValidNodeForGossip(m.UniqueAddress)).Select(m => m.UniqueAddress).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        // Akka's choice: with gossip-different-view-probability, a node that has not seen this version yet.
        var notSeen = candidates.Where(node => !gossip.SeenByNode(node)).ToList();
        var pool = notSeen.Count > 0 && Random.Shared.NextDouble() < DifferentViewProbability(gossip.Members.Count) ? notSeen : candidates;
        var target = pool[Random.Shared.Next(pool.Count)];
        if (gossip.SeenByNode(target))
        {
            CoreOf(target.Address).Tell(new InternalClusterAction.GossipStatus(_self, gossip.Version), Self);
        }
        else
        {
            GossipTo(target);
        }
    }

    // Above reduce-gossip-different-view-probability members, preferring unseen nodes would flood the few that lag:
    // the probability falls linearly to a tenth of its value at three times that size.
    private double DifferentViewProbability(int members)
    {
        var p = _settings.GossipDifferentViewProbability;
        var low = _settings.ReduceGossipDifferentViewProbability;
        if (members <= low)
        {
            return p;
        }

        var floor = p / 10;
        var high = low * 3;
        return members >= high ? floor : p - ((p - floor) * (members - low) / (high - low));
    }

    private void GossipTo(UniqueAddress node)
    {
        if (!_leftCluster && !node.Equals(_self) && LatestGossip.HasMember(node))
        {
            CoreOf(node.Address).Tell(new InternalClusterAction.GossipEnvelope(_self, node, LatestGossip), Self);
        }
    }

    private void OnGossip(InternalClusterAction.GossipEnvelope envelope)
    {
        if (!IsMember)
        {
            return;
        }

        ReceiveGossipResult result;
        try
        {
            result = GossipReceive.Receive(_membership, envelope.From, envelope.To, envelope.Gossip);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A gossip that breaks the membership invariants must not take this node's state down with it.
            _log.Warning("Ignoring an inconsistent gossip from {From}: {Reason}", envelope.From, e.Message);
            return;
        }

        if (result.Type == ReceiveGossipType.Ignored)
        {
            _log.Debug("Ignoring gossip: {Reason}", result.IgnoredReason);
            return;
        }

        if (!ReferenceEquals(result.Gossip, LatestGossip))
        {
            SetGossip(result.Gossip);
        }

        if (result.Talkback)
        {
            GossipTo(envelope.From);
        }
    }

    private void OnGossipStatus(InternalClusterAction.GossipStatus status)
    {
        if (!IsMember || !LatestGossip.HasMember(status.From) || !_membership.ValidNodeForGossip(status.From))
        {
            return;
        }

        switch (LatestGossip.Version.CompareTo(status.Version))
        {
            case VectorClock.Ordering.Same:
                break;
            case VectorClock.Ordering.Before:
                // The sender is ahead: our status makes it send its gossip.
                CoreOf(status.From.Address).Tell(new InternalClusterAction.GossipStatus(_self, LatestGossip.Version), Self);
                break;
            default:
                GossipTo(status.From);
                break;
        }
    }
}
