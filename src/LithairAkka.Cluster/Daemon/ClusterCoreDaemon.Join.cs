namespace LithairAkka.Cluster;

/// <summary>The join handshake: seed nodes, <c>Join</c> and <c>Welcome</c>.</summary>
internal sealed partial class ClusterCoreDaemon
{
    private void OnJoinSeedNodes(JoinSeedNodes join)
    {
        if (IsMember || _leftCluster || join.SeedNodes.IsEmpty)
        {
            return;
        }

        _seedNodes = join.SeedNodes;
        StopSeedNodeProcess();
        if (_seedNodes.Count == 1 && _seedNodes[0].Equals(_self.Address))
        {
            OnJoinTo(_self.Address);
            return;
        }

        var settings = _settings;
        var seeds = _seedNodes;
        var self = _self.Address;
        var provider = _cluster.RemoteProvider;
        _seedNodeProcess = Context.ActorOf(Props.Create(() => new JoinSeedNodeProcess(seeds, self, settings.SeedNodeTimeout, provider)));
        if (settings.ShutdownAfterUnsuccessfulJoinSeedNodes is { } giveUp && !Timers.IsTimerActive(JoinTimeout.Instance))
        {
            Timers.StartSingleTimer(JoinTimeout.Instance, JoinTimeout.Instance, giveUp);
        }
    }

    private void OnJoinTo(Address address)
    {
        if (IsMember || _leftCluster)
        {
            _log.Info("Ignoring join to {Address}: this node is already a member or has left", address);
            return;
        }

        StopSeedNodeProcess();
        if (address.Equals(_self.Address))
        {
            _log.Info("Cluster node {Address} forms a new cluster", _self);
            UpdateGossip(new Gossip([Member.Create(_self, _settings.Roles, _settings.AppVersion)]));
            Timers.Cancel(JoinTimeout.Instance);
            return;
        }

        _log.Info("Cluster node {Address} joins through {Seed}", _self, address);
        CoreOf(address).Tell(new InternalClusterAction.Join(_self, _settings.Roles, _settings.AppVersion), Self);
        if (_settings.RetryUnsuccessfulJoinAfter is { } retry)
        {
            Timers.StartSingleTimer(JoinRetry.Key, new JoinRetry(address), retry);
        }
    }

    private void OnJoinRetry(JoinRetry retry)
    {
        if (IsMember || _leftCluster)
        {
            return;
        }

        if (_seedNodes.IsEmpty)
        {
            OnJoinTo(retry.Address);
        }
        else
        {
            OnJoinSeedNodes(new JoinSeedNodes(_seedNodes));
        }
    }

    private void OnInitJoin()
    {
        var status = LatestGossip.GetMember(_self).Status;
        var accepts = IsMember && status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining;
        Sender.Tell(accepts ? new InternalClusterAction.InitJoinAck(_self.Address) : new InternalClusterAction.InitJoinNack(_self.Address), Self);
    }

    private void OnJoin(InternalClusterAction.Join join)
    {
        var node = join.Node;
        if (!IsMember || LatestGossip.GetMember(_self).Status is not (MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining))
        {
            return;
        }

        var gossip = LatestGossip;
        if (gossip.HasMember(node))
        {
            Sender.Tell(new InternalClusterAction.Welcome(_self, gossip), Self);
            return;
        }

        if (gossip.Tombstones.ContainsKey(node))
        {
            _log.Info("Ignoring join of {Node}: it was removed from the cluster", node);
            return;
        }

        var previous = gossip.Members.Where(m => m.Address.Equals(node.Address)).ToList();
        if (previous.Count > 0)
        {
            // A new incarnation on the same address: the old one is gone. Down it; the joiner retries and gets in
            // once the leader removed it.
            foreach (var old in previous.Where(m => m.Status != MemberStatus.Down))
            {
                _log.Info("New incarnation {Node} wants to join: downing the previous incarnation {Old}", node, old.UniqueAddress);
                gossip = gossip.MarkAsDown(old);
            }

            if (!ReferenceEquals(gossip, LatestGossip))
            {
                UpdateGossip(gossip);
            }

            return;
        }

        _log.Info("Node {Node} is joining, roles [{Roles}], version {Version}", node, string.Join(",", join.Roles), join.AppVersion);
        UpdateGossip(gossip.AddMember(Member.Create(node, join.Roles, join.AppVersion)));
        Sender.Tell(new InternalClusterAction.Welcome(_self, LatestGossip), Self);
    }

    private void OnWelcome(InternalClusterAction.Welcome welcome)
    {
        if (IsMember || _leftCluster || !welcome.Gossip.HasMember(_self))
        {
            return;
        }

        _log.Info("Welcome from {From}: this node is joining the cluster", welcome.From);
        StopSeedNodeProcess();
        Timers.Cancel(JoinRetry.Key);
        Timers.Cancel(JoinTimeout.Instance);
        SetGossip(welcome.Gossip.Seen(_self));
        GossipTo(welcome.From);
    }

    private void OnJoinTimeout()
    {
        if (!IsMember && !_leftCluster)
        {
            _log.Warning("Joining the seed nodes [{Seeds}] did not succeed within {Timeout}: shutting down", string.Join(", ", _seedNodes),
                _settings.ShutdownAfterUnsuccessfulJoinSeedNodes);
            StopSeedNodeProcess();
            _cluster.RunCoordinatedShutdown(CoordinatedShutdown.ClusterJoinUnsuccessfulReason.Instance);
        }
    }

    private void StopSeedNodeProcess()
    {
        if (_seedNodeProcess is not null)
        {
            Context.Stop(_seedNodeProcess);
            _seedNodeProcess = null;
        }
    }

    private sealed record JoinRetry(Address Address)
    {
        // The timer key: one retry at a time, whatever the address.
        public static string Key => "join-retry";
    }

    private sealed record JoinTimeout
    {
        public static JoinTimeout Instance { get; } = new();
    }
}
