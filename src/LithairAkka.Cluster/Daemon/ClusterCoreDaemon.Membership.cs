namespace LithairAkka.Cluster;

/// <summary>Leave, down, leader actions, reaping, and this node's own status.</summary>
internal sealed partial class ClusterCoreDaemon
{
    private bool ReceiveMembership(object message)
    {
        switch (message)
        {
            case InternalClusterAction.InitJoin:
                OnInitJoin();
                return true;
            case InternalClusterAction.Join join:
                OnJoin(join);
                return true;
            case InternalClusterAction.Welcome welcome:
                OnWelcome(welcome);
                return true;
            case InternalClusterAction.InitJoinAck or InternalClusterAction.InitJoinNack:
                _seedNodeProcess?.Forward(message);
                return true;
            case JoinTo join:
                OnJoinTo(join.Address);
                return true;
            case JoinSeedNodes join:
                OnJoinSeedNodes(join);
                return true;
            case JoinRetry retry:
                OnJoinRetry(retry);
                return true;
            case JoinTimeout:
                OnJoinTimeout();
                return true;
            case InternalClusterAction.Leave leave:
                OnLeave(leave.Address);
                return true;
            case InternalClusterAction.Down down:
                DownMembers(LatestGossip.Members.Where(m => m.Address.Equals(down.Address)));
                return true;
            case DownNode down:
                DownMembers(LatestGossip.Members.Where(m => m.UniqueAddress.Equals(down.Node)));
                return true;
            case InternalClusterAction.ExitingConfirmed confirmed:
                OnExitingConfirmed(confirmed.Node);
                return true;
            default:
                return false;
        }
    }

    private void OnLeave(Address address)
    {
        if (!IsMember)
        {
            return;
        }

        var leaving = LatestGossip.Members
            .Where(m => m.Address.Equals(address) && m.Status is MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up)
            .Select(m => m.Copy(MemberStatus.Leaving))
            .ToList();
        if (leaving.Count > 0)
        {
            _log.Info("Marking {Members} as Leaving", string.Join(", ", leaving.Select(m => m.UniqueAddress)));
            UpdateGossip(LatestGossip.Update(leaving));
        }
    }

    private void DownMembers(IEnumerable<Member> members)
    {
        if (!IsMember)
        {
            return;
        }

        var gossip = LatestGossip;
        foreach (var member in members.Where(m => m.Status != MemberStatus.Down).ToList())
        {
            _log.Info("Marking {Node} as Down", member.UniqueAddress);
            gossip = gossip.MarkAsDown(member);
        }

        if (!ReferenceEquals(gossip, LatestGossip))
        {
            UpdateGossip(gossip);
        }
    }

    private void OnExitingConfirmed(UniqueAddress node)
    {
        if (IsMember && LatestGossip.GetMember(node).Status == MemberStatus.Exiting)
        {
            _leaderState = _leaderState.ConfirmExiting(node);
        }
    }

    private void LeaderActionsTick()
    {
        var result = LeaderActions.Compute(LatestGossip, _self, _settings, _leaderState, Now);
        _leaderState = result.State;
        if (!result.HasChanged)
        {
            return;
        }

        foreach (var member in result.ChangedMembers)
        {
            _log.Info("Leader is moving {Node} to [{Status}]", member.UniqueAddress, member.Status);
        }

        foreach (var node in result.RemovedNodes)
        {
            _log.Info("Leader is removing {Node}", node);
        }

        SetGossip(result.Gossip);
        var exiting = result.ExitingMembers;
        if (!exiting.IsEmpty)
        {
            // Tell the exiting members and the oldest ones at once rather than waiting for random gossip.
            foreach (var target in LeaderActions.GossipTargetsForExitingMembers(LatestGossip, exiting).Concat(exiting))
            {
                GossipTo(target.UniqueAddress);
            }
        }
    }

    private void ReapTick()
    {
        var result = UnreachableNodesReaper.Reap(LatestGossip, _self, m => _registry.IsAvailable(m.Address));
        if (!result.HasChanged)
        {
            return;
        }

        foreach (var member in result.NewlyUnreachable)
        {
            _log.Warning("Marking node {Node} as unreachable: its heartbeats stopped", member.UniqueAddress);
        }

        foreach (var member in result.NewlyReachable)
        {
            _log.Info("Marking node {Node} as reachable again", member.UniqueAddress);
        }

        SetGossip(result.Gossip);
    }

    // Reacts to this node's status in the latest gossip: Exiting confirms and leaves, Down shuts down.
    private void OnSelfStatus()
    {
        var self = LatestGossip.GetMember(_self);
        if (self.Status == MemberStatus.Exiting && !_exitingConfirmedSent)
        {
            _exitingConfirmedSent = true;
            foreach (var member in LatestGossip.Members.Where(m => !m.UniqueAddress.Equals(_self) && m.Status is not MemberStatus.Down))
            {
                CoreOf(member.Address).Tell(new InternalClusterAction.ExitingConfirmed(_self), Self);
            }

            _log.Info("This node is Exiting: confirmed to the leader, leaving the cluster");
            _leftCluster = true;
            var removed = LatestGossip.Remove(_self, Now.ToUnixTimeMilliseconds());
            _membership = _membership.WithGossip(removed);
            _publisher.Tell(new ClusterDomainEventPublisher.PublishChanges(removed), Self);
            _cluster.RunCoordinatedShutdown(CoordinatedShutdown.ClusterLeavingReason.Instance);
        }
        else if (self.Status == MemberStatus.Down && !_downHandled)
        {
            _downHandled = true;
            _log.Warning("This node {Node} was downed{Action}", _self,
                _settings.RunCoordinatedShutdownWhenDown ? ": running coordinated shutdown" : string.Empty);
            if (_settings.RunCoordinatedShutdownWhenDown)
            {
                _cluster.RunCoordinatedShutdown(CoordinatedShutdown.ClusterDowningReason.Instance);
            }
        }
    }
}
