using System.Globalization;
using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <content>Operator requests: leadership transfer and forced resynchronisation.</content>
public sealed partial class ReplicaGroup
{
    private async Task OnTransferLeadershipAsync(TransferLeadership request)
    {
        var core = _core!;
        var status = core.TransferLeadership(request.Target);
        Sender.Tell(new TransferLeadershipStarted(status, core.Leader));
        await DrainAsync().ConfigureAwait(true);
    }

    private async Task OnForceResyncAsync(ForceResync request)
    {
        var core = _core!;
        if (core.Role != NodeRole.Leader)
        {
            Sender.Tell(new NotLeader(core.Leader));
            return;
        }

        if (_latestSnapshot is not { } snapshot)
        {
            Sender.Tell(new ForceResyncResult(
                false, "No snapshot has been taken yet (lithair.replication.snapshot-threshold not reached); a follower catches up from the log."));
            return;
        }

        var index = snapshot.Metadata.Index.ToString(CultureInfo.InvariantCulture);
        var answer = _snapshots.IsSending(request.Target)
            ? new ForceResyncResult(true, $"A snapshot transfer to {request.Target} is already running.")
            : core.ForceSnapshot(request.Target) == RaftRequestStatus.Accepted
                ? new ForceResyncResult(true, $"Sending the snapshot at index {index} to {request.Target}.")
                : new ForceResyncResult(false, $"{request.Target} is not a follower of {_options.Group}.");
        Sender.Tell(answer);
        await DrainAsync().ConfigureAwait(true);
    }
}
