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
        var pool = notSeen.Count > 0 && Random.Shared.NextDouble() < _settings.GossipDifferentViewProbability ? notSeen : candidates;
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

    private void GossipTo(UniqueAddress node)
    {
        if (!node.Equals(_self) && LatestGossip.HasMember(node))
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

        var result = GossipReceive.Receive(_membership, envelope.From, envelope.To, envelope.Gossip);
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
