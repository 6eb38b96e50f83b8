namespace LithairAkka.Replication.Consensus;

/// <summary>
/// Leadership transfer (Raft thesis §3.10): stop taking proposals, bring the target's log up to date, then tell it to
/// start an election at once. Abandoned when it does not complete within an election timeout.
/// </summary>
internal sealed partial class LeaderRole
{
    private int _transferElapsed;

    /// <summary>The node leadership is being handed to, if a transfer is running.</summary>
    public NodeId? TransferTarget { get; private set; }

    public RaftRequestStatus TransferLeadership(NodeId target)
    {
        if (target == Core.Id)
        {
            TransferTarget = null;
            return RaftRequestStatus.Accepted;
        }

        if (!_tracker.Configuration.IsVoter(target) || _tracker.Get(target) is not { } progress)
        {
            return RaftRequestStatus.InvalidTarget;
        }

        if (TransferTarget == target)
        {
            return RaftRequestStatus.Accepted;
        }

        TransferTarget = target;
        _transferElapsed = 0;
        if (progress.Match == Log.LastIndex)
        {
            SendTimeoutNow(target);
        }
        else
        {
            SendAppend(progress, sendIfEmpty: true);
        }

        return RaftRequestStatus.Accepted;
    }

    private void TickTransfer()
    {
        if (TransferTarget is not null && ++_transferElapsed >= Core.Options.ElectionTimeoutMinTicks)
        {
            TransferTarget = null;
        }
    }

    private void SendTimeoutNow(NodeId target) =>
        Core.Send(new TimeoutNowRequest(Core.Term, Core.Group, Core.Id, target));
}
