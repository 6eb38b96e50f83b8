using LithairAkka.Actors;

namespace LithairAkka.Replication.Groups;

/// <content>Operator requests: leadership transfer.</content>
public sealed partial class ReplicaGroup
{
    private async Task OnTransferLeadershipAsync(TransferLeadership request)
    {
        var core = _core!;
        var status = core.TransferLeadership(request.Target);
        Sender.Tell(new TransferLeadershipStarted(status, core.Leader));
        await DrainAsync().ConfigureAwait(true);
    }
}
