using LithairAkka.Management.Settings;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Management.Groups;

/// <summary>
/// Operator actions on this node's replication group that the node host runs itself, such as handing leadership
/// over before a graceful shutdown. Thread-safe.
/// </summary>
public sealed class ReplicationAdmin
{
    private readonly GroupClient _client;
    private readonly TimeProvider _time;

    /// <summary>Creates the admin for the group in <paramref name="directory"/>.</summary>
    /// <param name="directory">The group and its peers.</param>
    /// <param name="settings">Bounds the waits (<see cref="HttpSettings.LeaderWait"/>, <see cref="HttpSettings.RequestTimeout"/>).</param>
    /// <param name="time">The clock of the waits.</param>
    public ReplicationAdmin(GroupDirectory directory, HttpSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _client = new GroupClient(directory, settings, time);
        _time = time;
        Settings = settings;
    }

    /// <summary>The bounds of the waits.</summary>
    public HttpSettings Settings { get; }

    /// <summary>
    /// When this node leads, hands leadership to its most up-to-date voter and waits (at most
    /// <see cref="HttpSettings.RequestTimeout"/>) until that node leads. Does nothing on a follower or a single voter.
    /// </summary>
    /// <param name="token">Cancels the wait.</param>
    /// <returns>The new leader, or <see langword="null"/> when nothing was handed over.</returns>
    public async Task<NodeId?> HandOverLeadershipAsync(CancellationToken token)
    {
        var status = await _client.StatusAsync(token).ConfigureAwait(false);
        if (status is not { Role: NodeRole.Leader })
        {
            return null;
        }

        var candidates = status.Followers
            .Where(f => !f.IsLearner && status.Configuration.IsVoter(f.Node))
            .OrderByDescending(f => f.MatchIndex)
            .ThenByDescending(f => f.RecentActive)
            .ToArray();
        if (candidates.Length == 0)
        {
            return null;
        }

        var (outcome, leader) = await LeadershipTransfer.RunAsync(_client, candidates[0].Node, Settings.RequestTimeout, _time, token).ConfigureAwait(false);
        return outcome == LeadershipTransfer.Status.Transferred ? leader : null;
    }
}
