using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;

namespace LithairAkka.Management.Groups;

/// <summary>Hands the group's leadership to a given voter and waits until this node sees the new leader.</summary>
internal static class LeadershipTransfer
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>What became of a transfer.</summary>
    internal enum Status
    {
        /// <summary>The target leads, as seen from this node.</summary>
        Transferred = 0,

        /// <summary>The leader accepted, but the target did not take over within the wait.</summary>
        NotTransferred = 1,

        /// <summary>No leader was known (or reachable) within <c>leader-wait</c>.</summary>
        NoLeader = 2,

        /// <summary>The target is not a voter of the group.</summary>
        InvalidTarget = 3,
    }

    public static async Task<(Status Status, NodeId? Leader)> RunAsync(
        GroupClient client, NodeId target, TimeSpan wait, TimeProvider time, CancellationToken token)
    {
        if (await client.AwaitLeaderAsync(token).ConfigureAwait(false) is not { Leader: { } leader })
        {
            return (Status.NoLeader, null);
        }

        if (leader == target)
        {
            return (Status.Transferred, leader);
        }

        if (client.Directory.Resolve(leader) is not { } leaderGroup)
        {
            return (Status.NoLeader, leader);
        }

        switch (await client.AskAsync(leaderGroup, new TransferLeadership(target), token).ConfigureAwait(false))
        {
            case TransferLeadershipStarted { Status: RaftRequestStatus.Accepted }:
                break;
            case TransferLeadershipStarted { Status: RaftRequestStatus.InvalidTarget }:
                return (Status.InvalidTarget, leader);
            default:
                return (Status.NoLeader, null);
        }

        var started = time.GetTimestamp();
        NodeId? seen = leader;
        while (time.GetElapsedTime(started) < wait)
        {
            seen = (await client.StatusAsync(token).ConfigureAwait(false))?.Leader;
            if (seen == target)
            {
                return (Status.Transferred, target);
            }

            await Task.Delay(PollInterval, time, token).ConfigureAwait(false);
        }

        return (Status.NotTransferred, seen);
    }
}
