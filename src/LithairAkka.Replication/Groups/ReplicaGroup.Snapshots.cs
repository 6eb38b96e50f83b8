using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Replication.Groups;

/// <content>Taking, sending, receiving and installing snapshots (the group's side of the <see cref="SnapshotCoordinator"/>).</content>
public sealed partial class ReplicaGroup
{
    private SnapshotMetadata? _taking;

    private void MaybeTakeSnapshot()
    {
        var core = _core!;
        if (_appliedIndex > core.AppliedIndex || !_snapshots.BeginTakeIfDue(_appliedIndex, core.SnapshotIndex))
        {
            return;
        }

        _taking = core.CreateSnapshotMetadata(_appliedIndex);
        _stateMachine.Tell(new TakeSnapshot(), Self);
    }

    private async Task OnSnapshotTakenAsync(SnapshotTaken taken)
    {
        var core = _core!;
        var metadata = _taking;
        _taking = null;
        if (metadata is null || taken.AppliedIndex != metadata.Index || core.SnapshotIndex >= metadata.Index)
        {
            // A snapshot from the leader was installed meanwhile: this one is stale.
            _snapshots.EndTake(created: false);
            return;
        }

        var snapshot = new StoredSnapshot(metadata, taken.Data);
        await _options.SnapshotStore.SaveAsync(_options.Group.Value, snapshot).ConfigureAwait(true);
        _latestSnapshot = snapshot;
        core.Compact(metadata);
        await _options.LogStore.CompactPrefixAsync(_options.Group.Value, metadata.Index, metadata.Term).ConfigureAwait(true);
        _snapshots.EndTake(created: true);
        await DrainAsync().ConfigureAwait(true);
    }

    private void SendSnapshot(InstallSnapshotRequest request, IActorRef peer)
    {
        if (_snapshots.IsSending(request.To))
        {
            return;
        }

        if (_latestSnapshot is not { } snapshot)
        {
            // The core asks only when its log is compacted, which happens after a snapshot was stored.
            Self.Tell(new SnapshotTransferResult(_options.Group, request.To, -1, Success: false));
            return;
        }

        foreach (var chunk in _snapshots.StartTransfer(request, snapshot))
        {
            peer.Tell(chunk, Self);
        }

        Timers.StartSingleTimer(
            SnapshotTimerKey(request.To),
            new SnapshotTimedOut(request.To, snapshot.Metadata.Index),
            _options.Settings.SnapshotTimeout);
    }

    private async Task OnSnapshotChunkAsync(SnapshotChunk chunk)
    {
        var request = chunk.Request;
        if (request.Group != _options.Group || request.To != _options.Self)
        {
            return;
        }

        var assembled = _snapshots.Accept(chunk, out _, out var rejected);
        if (rejected)
        {
            Sender.Tell(new SnapshotTransferResult(_options.Group, _options.Self, request.Snapshot.Index, Success: false), Self);
            return;
        }

        if (!assembled)
        {
            return;
        }

        var leader = Sender;
        _core!.Step(request);
        await DrainAsync().ConfigureAwait(true);
        leader.Tell(new SnapshotTransferResult(_options.Group, _options.Self, request.Snapshot.Index, Success: true), Self);
    }

    private async Task OnTransferResultAsync(SnapshotTransferResult result)
    {
        var core = _core!;
        if (result.Group != _options.Group)
        {
            return;
        }

        if (result.SnapshotIndex < 0)
        {
            core.SnapshotFailed(result.Follower);
        }
        else if (_snapshots.EndTransfer(result.Follower, result.SnapshotIndex, result.Success))
        {
            Timers.Cancel(SnapshotTimerKey(result.Follower));
            if (result.Success)
            {
                core.SnapshotInstalled(result.Follower);
            }
            else
            {
                core.SnapshotFailed(result.Follower);
            }
        }

        await DrainAsync().ConfigureAwait(true);
    }

    private async Task OnSnapshotTimedOutAsync(SnapshotTimedOut timeout)
    {
        if (_snapshots.EndTransfer(timeout.Follower, timeout.Index, success: false))
        {
            _core!.SnapshotFailed(timeout.Follower);
            await DrainAsync().ConfigureAwait(true);
        }
    }

    private async Task InstallReceivedSnapshotAsync(SnapshotMetadata metadata)
    {
        var received = _snapshots.TakeReceived(metadata.Index)
            ?? throw new InvalidOperationException(
                $"The core installs snapshot {metadata.Index} of {_options.Group} but no such snapshot was received.");
        var snapshot = received with { Metadata = metadata };
        _stateMachine.Tell(new RestoreSnapshot(metadata.Index, snapshot.Data), Self);
        _appliedIndex = metadata.Index;
        _latestSnapshot = snapshot;
        await _options.SnapshotStore.SaveAsync(_options.Group.Value, snapshot).ConfigureAwait(true);
        await _options.LogStore.CompactPrefixAsync(_options.Group.Value, metadata.Index, metadata.Term).ConfigureAwait(true);
    }

    private static (string, NodeId) SnapshotTimerKey(NodeId follower) => ("snapshot", follower);
}
