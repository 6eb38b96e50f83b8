namespace LithairAkka.Replication.Consensus;

/// <summary>
/// A leader's linearizable reads waiting for leadership confirmation (Raft thesis §6.4). Each read records the commit
/// index at its arrival and joins a heartbeat round; a round is confirmed once a majority of voters acknowledged a
/// heartbeat of that round or a later one, which proves no other leader had been elected when the read arrived.
/// Reads arriving before a round's heartbeats left the node share it. One instance lives for one leadership term.
/// Not thread-safe.
/// </summary>
internal sealed class ReadIndexQueue
{
    private readonly Queue<PendingRead> _pending = new();
    private readonly Dictionary<NodeId, long> _acknowledged = [];
    private bool _roundOpen;

    /// <summary>The latest round; every heartbeat carries it.</summary>
    public long Round { get; private set; }

    public int Count => _pending.Count;

    /// <summary>Queues a read; returns true when it opened a new round whose heartbeats must be broadcast now.</summary>
    public bool Add(long requestId, NodeId origin, long index)
    {
        var opened = false;
        if (!_roundOpen)
        {
            Round++;
            _roundOpen = true;
            opened = true;
        }

        _pending.Enqueue(new PendingRead(requestId, origin, index, Round));
        return opened;
    }

    /// <summary>The heartbeats of the open round were handed to the host: later reads need a new round.</summary>
    public void CloseRound() => _roundOpen = false;

    public void Acknowledge(NodeId from, long round)
    {
        if (round > _acknowledged.GetValueOrDefault(from))
        {
            _acknowledged[from] = round;
        }
    }

    /// <summary>Removes and returns the reads a majority of voters confirmed.</summary>
    public List<PendingRead> TakeConfirmed(Configuration configuration, NodeId self)
    {
        var confirmed = new List<PendingRead>();
        if (_pending.Count == 0 || configuration.Quorum == 0)
        {
            return confirmed;
        }

        var rounds = new long[configuration.Voters.Length];
        for (var i = 0; i < rounds.Length; i++)
        {
            var voter = configuration.Voters[i];
            rounds[i] = voter == self ? Round : _acknowledged.GetValueOrDefault(voter);
        }

        Array.Sort(rounds);
        var quorumRound = rounds[rounds.Length - configuration.Quorum];
        while (_pending.Count > 0 && _pending.Peek().Round <= quorumRound)
        {
            confirmed.Add(_pending.Dequeue());
        }

        return confirmed;
    }

    /// <summary>A read waiting for confirmation.</summary>
    /// <param name="RequestId">The id given by the node that asked.</param>
    /// <param name="Origin">The node that asked (this leader or a follower that forwarded it).</param>
    /// <param name="Index">The commit index when the read arrived.</param>
    /// <param name="Round">The heartbeat round that confirms it.</param>
    internal readonly record struct PendingRead(long RequestId, NodeId Origin, long Index, long Round);
}
