using System.Globalization;
using System.Runtime.ExceptionServices;
using LithairAkka.Actors;
using LithairAkka.Actors.Event;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Replication.Groups;

/// <content>
/// Taking snapshots and compacting the log; the leader side of transfers is the <see cref="SnapshotCoordinator"/>
/// child, the follower side the <see cref="FollowerReplica"/> child; installing a received snapshot goes through the
/// core here.
/// </content>
public sealed partial class ReplicaGroup
{
    private IActorRef _coordinator = ActorRefs.Nobody;
    private IActorRef? _follower;
    private int _followerIncarnation;
    private SnapshotMetadata? _taking;
    private StoredSnapshot? _received;

    // The snapshot store write in flight (a local snapshot is saved off the mailbox); every later save awaits it
    // first, so an older snapshot can never be renamed over a newer one.
    private Task _saving = Task.CompletedTask;
    private bool _savingLocal;

    private TimeSpan SnapshotResendInterval =>
        TimeSpan.FromTicks(Math.Max(_options.Settings.HeartbeatInterval.Ticks * 4, TimeSpan.FromMilliseconds(200).Ticks));

    private void StartSnapshotChildren()
    {
        var settings = _options.Settings;
        _coordinator = Context.ActorOf(
            SnapshotCoordinator.Props(_options.Group, settings.EffectiveChunkSize, settings.SnapshotTimeout, SnapshotResendInterval, _options.Time),
            "snapshot-coordinator");
        StartFollowerReplica();
    }

    private void StartFollowerReplica()
    {
        if (_follower is null)
        {
            // Stopping is asynchronous: each incarnation gets a fresh name.
            var name = "follower-" + (++_followerIncarnation).ToString(CultureInfo.InvariantCulture);
            _follower = Context.ActorOf(FollowerReplica.Props(_options.Group, _options.Self, _options.Settings.SnapshotTimeout), name);
        }
    }

    private void StopFollowerReplica()
    {
        if (_follower is not null)
        {
            Context.Stop(_follower);
            _follower = null;
        }
    }

    private void OnSnapshotChunk(SnapshotChunk chunk)
    {
        // A leader has no follower side: a chunk from a deposed leader is dropped (its coordinator times out).
        _follower?.Forward(chunk);
    }

    private void MaybeTakeSnapshot()
    {
        var core = _core!;
        if (_taking is not null || _savingLocal || _appliedIndex > core.AppliedIndex
            || _appliedIndex - core.SnapshotIndex < _options.Settings.SnapshotThreshold)
        {
            return;
        }

        _taking = core.CreateSnapshotMetadata(_appliedIndex);
        _stateMachine.Tell(new TakeSnapshot(), Self);
    }

    private void OnSnapshotTaken(SnapshotTaken taken)
    {
        var core = _core!;
        var metadata = _taking;
        _taking = null;
        if (metadata is null || taken.AppliedIndex != metadata.Index || core.SnapshotIndex >= metadata.Index)
        {
            // A snapshot from the leader was installed meanwhile: this one is stale.
            return;
        }

        // Writing tens of megabytes and flushing them takes long enough to miss heartbeats: the group keeps serving
        // while the store writes, and compacts only once the snapshot is durable (SnapshotSaved).
        var snapshot = new StoredSnapshot(metadata, taken.Data);
        var previous = _saving;
        var store = _options.SnapshotStore;
        var group = _options.Group.Value;
        _savingLocal = true;
        _saving = Task.Run(async () =>
        {
            await previous.ConfigureAwait(false);
            await store.SaveAsync(group, snapshot).ConfigureAwait(false);
        });
        _saving.PipeTo(Self, Self, () => new SnapshotSaved(snapshot, null), error => new SnapshotSaved(snapshot, error));
    }

    private async Task OnSnapshotSavedAsync(SnapshotSaved saved)
    {
        _savingLocal = false;
        if (saved.Error is { } error)
        {
            // As when the store fails inline: the group restarts and recovers from what is durable.
            ExceptionDispatchInfo.Throw(error);
        }

        var core = _core!;
        var metadata = saved.Snapshot.Metadata;
        if (core.SnapshotIndex >= metadata.Index)
        {
            // A newer snapshot from the leader was installed while this one was written (and saved after it).
            return;
        }

        _latestSnapshot = saved.Snapshot;
        core.Compact(metadata);
        await _options.LogStore.CompactPrefixAsync(_options.Group.Value, metadata.Index, metadata.Term).ConfigureAwait(true);
        _coordinator.Tell(new SnapshotRecorded(Installed: false), Self);
        await DrainAsync().ConfigureAwait(true);
    }

    private void SendSnapshot(InstallSnapshotRequest request, IActorRef peer)
    {
        if (_latestSnapshot is not { } snapshot)
        {
            // The core asks only when its log is compacted, which happens after a snapshot was stored. Reported
            // after this Ready is advanced, not in the middle of carrying it out.
            Self.Tell(new SnapshotTransferEnded(request.To, request.Snapshot.Index, Success: false), Self);
            return;
        }

        _coordinator.Tell(new StartSnapshotTransfer(request, snapshot, peer), Self);
    }

    private async Task OnTransferEndedAsync(SnapshotTransferEnded ended)
    {
        if (ended.Success)
        {
            _core!.SnapshotInstalled(ended.Follower);
        }
        else
        {
            _core!.SnapshotFailed(ended.Follower);
        }

        await DrainAsync().ConfigureAwait(true);
    }

    private async Task OnSnapshotAssembledAsync(SnapshotAssembled assembled)
    {
        var request = assembled.Request;
        var core = _core!;
        _received = assembled.Snapshot;
        core.Step(request);
        await DrainAsync().ConfigureAwait(true);
        _received = null;

        // Installed now, or stale because this node already holds everything the snapshot does: either way the
        // leader may stream from after it. A refused request (an old term) is a failure.
        var success = core.Term == request.Term && core.CommitIndex >= request.Snapshot.Index;
        assembled.ReplyTo.Tell(new SnapshotTransferResult(_options.Group, _options.Self, request.Snapshot.Index, success), Self);
    }

    private async Task OnForceResyncAsync(ForceResync force)
    {
        var core = _core!;
        var status = core.ForceSnapshot(force.Follower);
        switch (status)
        {
            case RaftRequestStatus.Accepted:
                Sender.Tell(new ResyncStarted(force.Follower, core.SnapshotIndex));
                break;
            case RaftRequestStatus.NotLeader:
                Sender.Tell(new NotLeader(core.Leader));
                return;
            default:
                Sender.Tell(new ResyncRefused(core.SnapshotIndex == 0
                    ? "No snapshot has been taken yet."
                    : $"{force.Follower} is not a follower of {_options.Group}."));
                return;
        }

        await DrainAsync().ConfigureAwait(true);
    }

    private async Task InstallReceivedSnapshotAsync(SnapshotMetadata metadata)
    {
        var received = _received is { } pending && pending.Metadata.Index == metadata.Index
            ? pending
            : throw new InvalidOperationException(
                $"The core installs snapshot {metadata.Index} of {_options.Group} but no such snapshot was received.");
        _received = null;
        var started = _options.Time.GetTimestamp();
        var snapshot = received with { Metadata = metadata };
        _stateMachine.Tell(new RestoreSnapshot(metadata.Index, snapshot.Data), Self);
        _appliedIndex = metadata.Index;
        _latestSnapshot = snapshot;
        await _saving.ConfigureAwait(true);
        await _options.SnapshotStore.SaveAsync(_options.Group.Value, snapshot).ConfigureAwait(true);
        await _options.LogStore.CompactPrefixAsync(_options.Group.Value, metadata.Index, metadata.Term).ConfigureAwait(true);
        _coordinator.Tell(new SnapshotRecorded(Installed: true), Self);
        Context.GetLogger().Info(
            "Installed snapshot {0} of {1} ({2} bytes) in {3} ms",
            metadata.Index,
            _options.Group,
            snapshot.Data.Length,
            (long)_options.Time.GetElapsedTime(started).TotalMilliseconds);
    }
}
