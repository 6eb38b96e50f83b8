using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

/// <summary>
/// A few cores wired by a hand-driven network for unit tests: nothing moves unless the test ticks a node or delivers
/// messages. A filter drops messages; isolated nodes neither send nor receive.
/// </summary>
internal sealed class TestCluster
{
    public static readonly GroupId Group = new(7);

    private readonly List<RaftMessage> _queue = [];
    private readonly HashSet<NodeId> _isolated = [];

    public TestCluster(int voters, RaftOptions? options = null, int seed = 1)
        : this(Enumerable.Range(1, voters).Select(i => (long)i).ToArray(), options, seed)
    {
    }

    public TestCluster(long[] voters, RaftOptions? options = null, int seed = 1)
    {
        Options = options ?? DefaultOptions;
        var configuration = new Configuration(voters.Select(v => new NodeId(v)), []);
        foreach (var voter in voters)
        {
            Hosts[new NodeId(voter)] = new TestHost(new NodeId(voter), Options, RaftPersistentState.Bootstrap(configuration), seed + (int)voter);
        }
    }

    /// <summary>A cluster whose nodes start from the given persisted states.</summary>
    public TestCluster(RaftOptions options, params (long Id, RaftPersistentState State)[] nodes)
    {
        Options = options;
        foreach (var (id, state) in nodes)
        {
            Hosts[new NodeId(id)] = new TestHost(new NodeId(id), Options, state, (int)id);
        }
    }

    /// <summary>Election in 10-20 ticks, heartbeat every tick, pre-vote and check-quorum on.</summary>
    public static RaftOptions DefaultOptions { get; } = new();

    public RaftOptions Options { get; }

    public Dictionary<NodeId, TestHost> Hosts { get; } = [];

    /// <summary>Returns false for a message to drop.</summary>
    public Func<RaftMessage, bool> Filter { get; set; } = _ => true;

    /// <summary>Messages sent and not yet delivered.</summary>
    public IReadOnlyList<RaftMessage> Queue => _queue;

    public TestHost this[long id] => Hosts[new NodeId(id)];

    public static NodeId N(long id) => new(id);

    public TestHost AddNode(long id, RaftPersistentState state)
    {
        var host = new TestHost(N(id), Options, state, 100 + (int)id);
        Hosts[N(id)] = host;
        return host;
    }

    /// <summary>Moves every Ready's messages into the queue.</summary>
    public void Drain()
    {
        foreach (var host in Hosts.Values.OrderBy(h => h.Id))
        {
            foreach (var message in host.Drain())
            {
                if (!_isolated.Contains(message.From) && !_isolated.Contains(message.To) && Filter(message))
                {
                    _queue.Add(message);
                }
            }
        }
    }

    /// <summary>Drains and delivers until the network is quiet (or a round limit is hit).</summary>
    public void Stabilize(int maxRounds = 200)
    {
        for (var round = 0; round < maxRounds; round++)
        {
            Drain();
            if (_queue.Count == 0)
            {
                return;
            }

            DeliverQueued();
        }
    }

    /// <summary>Drains and delivers until a message matching <paramref name="match"/> is queued (not delivered).</summary>
    public void RunUntilQueued(Func<RaftMessage, bool> match, int maxRounds = 50)
    {
        for (var round = 0; round < maxRounds; round++)
        {
            Drain();
            if (_queue.Exists(m => match(m)) || _queue.Count == 0)
            {
                return;
            }

            DeliverQueued();
        }
    }

    /// <summary>Ticks every node and stabilizes, tick after tick, until <paramref name="condition"/> holds.</summary>
    public void TickUntil(Func<bool> condition, int maxTicks = 500)
    {
        for (var tick = 0; tick < maxTicks && !condition(); tick++)
        {
            TickAll();
            Stabilize();
        }

        Assert.True(condition(), $"Condition not reached within {maxTicks} ticks.");
    }

    /// <summary>Delivers what is queued now (one hop).</summary>
    public void DeliverQueued()
    {
        var batch = _queue.ToList();
        _queue.Clear();
        foreach (var message in batch)
        {
            if (Hosts.TryGetValue(message.To, out var host) && !_isolated.Contains(message.To))
            {
                host.Core.Step(message);
            }
        }
    }

    /// <summary>Takes the queued messages matching <paramref name="match"/> out of the network.</summary>
    public List<RaftMessage> Take(Func<RaftMessage, bool> match)
    {
        var taken = _queue.Where(match).ToList();
        _queue.RemoveAll(m => match(m));
        return taken;
    }

    public void Tick(long id, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            this[id].Core.Tick();
        }
    }

    public void TickAll(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            foreach (var host in Hosts.Values.OrderBy(h => h.Id))
            {
                host.Core.Tick();
            }
        }
    }

    /// <summary>Makes <paramref name="id"/> campaign and lets the election run to its end.</summary>
    public void Elect(long id)
    {
        this[id].Core.Campaign();
        Stabilize();
    }

    public void Isolate(long id) => _isolated.Add(N(id));

    public void Heal()
    {
        _isolated.Clear();
        Filter = _ => true;
    }

    public ProposeResult Propose(long id, string command) =>
        this[id].Core.Propose(System.Text.Encoding.UTF8.GetBytes(command));
}
