namespace LithairAkka.Cluster;

/// <summary>Membership commands, lifecycle callbacks and the published state.</summary>
public sealed partial class Cluster
{
    /// <summary>
    /// Joins the cluster of the node at <paramref name="address"/> (this node's own address forms a new cluster).
    /// Ignored when this node is already a member; retried every <c>retry-unsuccessful-join-after</c> until welcomed.
    /// </summary>
    public void Join(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Tell(new ClusterCoreDaemon.JoinTo(address));
    }

    /// <summary>
    /// Joins through the first of <paramref name="seedNodes"/> that answers; when this node is the first seed and no
    /// other answers within <c>seed-node-timeout</c>, it forms the cluster. Ignored when already a member.
    /// </summary>
    public void JoinSeedNodes(IEnumerable<Address> seedNodes)
    {
        ArgumentNullException.ThrowIfNull(seedNodes);
        Tell(new ClusterCoreDaemon.JoinSeedNodes([.. seedNodes]));
    }

    /// <summary>
    /// Asks the member at <paramref name="address"/> to leave gracefully: it becomes Leaving, the leader moves it to
    /// Exiting, then removes it; a leaving node then shuts its actor system down with <see cref="CoordinatedShutdown"/>.
    /// </summary>
    public void Leave(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Tell(new InternalClusterAction.Leave(address));
    }

    /// <summary>
    /// Marks the member at <paramref name="address"/> as Down: the leader removes it without waiting for it, and a
    /// downed node that learns of it shuts down (<c>run-coordinated-shutdown-when-down</c>).
    /// </summary>
    public void Down(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Tell(new InternalClusterAction.Down(address));
    }

    /// <summary>Leaves the cluster with this node and completes once it is removed (or the cluster stopped).</summary>
    /// <param name="token">Stops waiting (the leave goes on).</param>
    public Task LeaveAsync(CancellationToken token = default)
    {
        if (!IsTerminated)
        {
            Leave(SelfAddress);
        }

        return _removed.Task.WaitAsync(token);
    }

    /// <summary>Runs <paramref name="callback"/> once this node is Up (at once, on the caller's thread, when it already is).</summary>
    public void RegisterOnMemberUp(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_lock)
        {
            if (!_selfUp)
            {
                _onMemberUp.Add(callback);
                return;
            }
        }

        callback();
    }

    /// <summary>
    /// Runs <paramref name="callback"/> once this node is removed from the cluster or the cluster stops (at once when
    /// it already did).
    /// </summary>
    public void RegisterOnMemberRemoved(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_lock)
        {
            if (!_removed.Task.IsCompleted)
            {
                _onMemberRemoved.Add(callback);
                return;
            }
        }

        callback();
    }

    // Called by the publisher after each change, in order.
    internal void OnPublished(ClusterEvent.CurrentClusterState state, Member self)
    {
        List<Action>? up = null;
        lock (_lock)
        {
            _state = state;
            _selfMember = self;
            if (!_selfUp && self.Status is MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Exiting)
            {
                _selfUp = true;
                up = [.. _onMemberUp];
                _onMemberUp.Clear();
            }
        }

        if (self.Status is MemberStatus.Exiting or MemberStatus.Down)
        {
            _exitingOrGone.TrySetResult();
        }

        RunAll(up);
    }

    // This node is out of the cluster: removed, or the cluster stopped.
    internal void OnSelfRemoved(bool terminated)
    {
        List<Action> removed;
        lock (_lock)
        {
            _terminated |= terminated;
            _selfMember = Member.Removed(SelfUniqueAddress);
            removed = [.. _onMemberRemoved];
            _onMemberRemoved.Clear();
            _onMemberUp.Clear();
        }

        _exitingOrGone.TrySetResult();
        _removed.TrySetResult();
        RunAll(removed);
    }

    private void RunAll(List<Action>? callbacks)
    {
        foreach (var callback in callbacks ?? [])
        {
            try
            {
                callback();
            }
            catch (Exception e)
            {
                _system.Log.Error(e, "A cluster lifecycle callback failed");
            }
        }
    }
}
