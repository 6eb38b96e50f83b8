using System.Globalization;
using LithairAkka.Replication.Groups;

namespace LithairAkka.Management.Groups;

/// <summary>Asks the group's leader to resynchronise the member named by its address from a snapshot.</summary>
internal static class ForceResyncOperation
{
    /// <summary>What became of the request.</summary>
    internal enum Status
    {
        /// <summary>The leader answered; see its <see cref="ForceResyncResult"/>.</summary>
        Answered = 0,

        /// <summary>The address names no member of the group.</summary>
        InvalidTarget = 1,

        /// <summary>No leader was known (or it did not answer) within the waits.</summary>
        NoLeader = 2,
    }

    public static async Task<(Status Status, ForceResyncResult? Result)> RunAsync(GroupClient client, string? address, CancellationToken token)
    {
        if (string.IsNullOrEmpty(address) || client.Directory.FindByAddress(address) is not { } target)
        {
            return (Status.InvalidTarget, null);
        }

        if (await client.AwaitLeaderAsync(token).ConfigureAwait(false) is not { Leader: { } leader }
            || client.Directory.Resolve(leader) is not { } leaderGroup)
        {
            return (Status.NoLeader, null);
        }

        return await client.AskAsync(leaderGroup, new ForceResync(target), token).ConfigureAwait(false) switch
        {
            ResyncStarted started => (Status.Answered, new ForceResyncResult(
                true, string.Create(CultureInfo.InvariantCulture, $"Sending the snapshot at index {started.SnapshotIndex} to {started.Follower}."))),
            ResyncRefused refused => (Status.Answered, new ForceResyncResult(false, refused.Reason)),
            _ => (Status.NoLeader, null),
        };
    }
}
