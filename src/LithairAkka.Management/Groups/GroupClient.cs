using LithairAkka.Management.Settings;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Management.Groups;

/// <summary>
/// Sends client requests to the replication group: to the local group first, then to the leader it names (through
/// the <see cref="GroupDirectory"/>), waiting at most <see cref="HttpSettings.LeaderWait"/> for a leader to be known.
/// Linearizable reads stay local: a follower's group obtains the read index from the leader itself.
/// </summary>
/// <remarks>Thread-safe; one instance serves every request.</remarks>
internal sealed class GroupClient
{
    // Between two attempts while no leader is known: short against leader-wait, long against an election's messages.
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(25);

    // Redirects followed before waiting: two nodes naming each other during an election must not ping-pong forever.
    private const int MaxRedirects = 3;
    private readonly GroupDirectory _directory;
    private readonly HttpSettings _settings;
    private readonly TimeProvider _time;

    public GroupClient(GroupDirectory directory, HttpSettings settings, TimeProvider time)
    {
        _directory = directory;
        _settings = settings;
        _time = time;
    }

    public GroupDirectory Directory => _directory;

    /// <summary>Proposes <paramref name="command"/>; answers <see cref="ProposeSucceeded"/>, <see cref="ProposeDurable"/> or a <see cref="GroupFailure"/>.</summary>
    public async Task<object> ProposeAsync(ReadOnlyMemory<byte> command, CancellationToken token)
    {
        var started = _time.GetTimestamp();
        var target = _directory.LocalGroup;
        var redirects = 0;
        while (true)
        {
            object answer;
            try
            {
                using var lost = CancellationTokenSource.CreateLinkedTokenSource(token, _directory.Connections.WhenClosed(target));
                answer = await target.Ask(new Propose(command), _settings.RequestTimeout, lost.Token).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                // The write may sit in a leader's log that stopped answering: it may still commit.
                return GroupFailure.OutcomeUnknown;
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                // The connection to the node holding the write closed (its process died): the write may still commit,
                // and waiting for the request timeout would tell the client nothing more.
                return GroupFailure.OutcomeUnknown;
            }

            switch (answer)
            {
                case ProposeSucceeded or ProposeDurable:
                    return answer;
                case ProposeFailed { OutcomeUnknown: true }:
                    return GroupFailure.OutcomeUnknown;
                case NotLeader { LeaderHint: { } hint } when redirects < MaxRedirects && _directory.Resolve(hint) is { } leader
                    && !leader.Equals(target) && !_directory.Connections.IsDown(leader):
                    target = leader;
                    redirects++;
                    continue;
            }

            // No leader known, a transfer in progress, a stale hint or a leader whose connection closed: the write was
            // not taken, so retrying is safe.
            if (!await WaitForRetryAsync(started, token).ConfigureAwait(false))
            {
                return GroupFailure.NoLeader;
            }

            target = _directory.LocalGroup;
            redirects = 0;
        }
    }

    /// <summary>Reads <paramref name="query"/>; answers <see cref="QueryResult"/> or a <see cref="GroupFailure"/>.</summary>
    public async Task<object> ReadAsync(object query, ReadConsistency consistency, CancellationToken token)
    {
        var started = _time.GetTimestamp();
        var target = _directory.LocalGroup;
        var redirects = 0;
        while (true)
        {
            object answer;
            try
            {
                answer = await target.Ask(new Read(query, consistency), _settings.RequestTimeout, token).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                return GroupFailure.Timeout;
            }

            switch (answer)
            {
                case QueryResult:
                    return answer;
                case NotLeader { LeaderHint: { } hint } when redirects < MaxRedirects && _directory.Resolve(hint) is { } leader && !leader.Equals(target):
                    target = leader;
                    redirects++;
                    continue;
            }

            if (!await WaitForRetryAsync(started, token).ConfigureAwait(false))
            {
                return GroupFailure.NoLeader;
            }

            target = _directory.LocalGroup;
            redirects = 0;
        }
    }

    /// <summary>The local group's status, or <see langword="null"/> while it recovers or does not answer in time.</summary>
    public async Task<RaftStatus?> StatusAsync(CancellationToken token) => await AskLocalAsync(GetGroupStatus.Instance, token).ConfigureAwait(false) as RaftStatus;

    /// <summary>Asks the local group <paramref name="message"/>; <see langword="null"/> when it does not answer in time.</summary>
    public async Task<object?> AskLocalAsync(object message, CancellationToken token) => await AskAsync(_directory.LocalGroup, message, token).ConfigureAwait(false);

    /// <summary>Asks <paramref name="target"/> <paramref name="message"/>; <see langword="null"/> when it does not answer in time.</summary>
    public async Task<object?> AskAsync(IActorRef target, object message, CancellationToken token)
    {
        try
        {
            return await target.Ask(message, _settings.RequestTimeout, token).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Waits until the local group knows a leader; <see langword="null"/> after <see cref="HttpSettings.LeaderWait"/>.</summary>
    public async Task<RaftStatus?> AwaitLeaderAsync(CancellationToken token)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            if (await StatusAsync(token).ConfigureAwait(false) is { Leader: not null } status)
            {
                return status;
            }

            if (!await WaitForRetryAsync(started, token).ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    private async Task<bool> WaitForRetryAsync(long started, CancellationToken token)
    {
        var remaining = _settings.LeaderWait - _time.GetElapsedTime(started);
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        await Task.Delay(remaining < RetryInterval ? remaining : RetryInterval, _time, token).ConfigureAwait(false);
        return true;
    }
}
