using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>
/// A deterministic simulation of one replication group: N cores hosted by <see cref="SimNode"/>s on a
/// <see cref="SimNetwork"/>, driven step by step from one seeded random source. Chaos periods (drops, duplicates,
/// delays, partitions, crashes and restarts, snapshots, membership changes, transfers, client writes and reads)
/// alternate with calm periods in which the group must elect a leader and commit within a bound. The
/// <see cref="InvariantChecker"/> watches every step. A run with the same settings replays exactly.
/// </summary>
internal sealed partial class Simulation
{
    public static readonly GroupId Group = new(1);

    private readonly Random _random;
    private readonly List<SimNode> _nodes = [];
    private readonly List<(long At, NodeId Sender, int Incarnation, NodeId Target, bool Installed)> _snapshotReports = [];
    private readonly Queue<string> _trace = new();
    private long _nextProposalId = 1;
    private long _nextReadId = 1;

    public Simulation(SimulationSettings settings)
    {
        Settings = settings;
        _random = new Random(unchecked((settings.Seed * 1_000_003) + 12_345));
        Network = new SimNetwork(_random);
        Checker = new InvariantChecker(this);
        var founders = Enumerable.Range(1, settings.Voters).Select(i => new NodeId(i)).ToArray();
        var configuration = Configuration.OfVoters(founders);
        for (var i = 1; i <= settings.Voters + settings.Spares; i++)
        {
            var state = i <= settings.Voters ? RaftPersistentState.Bootstrap(configuration) : RaftPersistentState.Joining();
            var node = new SimNode(this, new NodeId(i), state, _random.Next(settings.StepsPerTick));
            _nodes.Add(node);
        }

        foreach (var node in _nodes)
        {
            node.Start(new Random(_random.Next()));
        }
    }

    public SimulationSettings Settings { get; }

    public SimNetwork Network { get; }

    public InvariantChecker Checker { get; }

    public SimulationStats Stats { get; } = new();

    /// <summary>The current step.</summary>
    public long Now { get; private set; }

    public IReadOnlyList<SimNode> Nodes => _nodes;

    /// <summary>Runs every cycle; returns the violation found, if any.</summary>
    public SimulationFailure? Run()
    {
        try
        {
            for (var cycle = 1; cycle <= Settings.Cycles; cycle++)
            {
                Trace($"--- chaos period {cycle}");
                ConfigureChaos();
                for (var i = 0; i < Settings.ChaosSteps; i++)
                {
                    Step();
                    ChaosActions();
                }

                Trace($"--- calm period {cycle}");
                RunCalmPeriod(cycle);
            }

            return null;
        }
        catch (SimulationViolationException violation)
        {
            return new SimulationFailure(violation.IsLiveness, Describe(violation.Message));
        }
        catch (InvalidOperationException crash)
        {
            // The core throws when it detects corruption (a committed entry overwritten): a safety violation too.
            return new SimulationFailure(false, Describe($"core invariant broken: {crash.Message}"));
        }
    }

    public void Trace(string line)
    {
        if (!Settings.Trace)
        {
            return;
        }

        _trace.Enqueue($"[{Now}] {line}");
        if (_trace.Count > 400)
        {
            _trace.Dequeue();
        }
    }

    /// <summary>Ships a snapshot request with its data; the sender's host learns the outcome when it is delivered or lost.</summary>
    public void SendSnapshot(SimNode sender, InstallSnapshotRequest request, AppliedRecord[] data)
    {
        if (!Network.Send(Now, request, data, sender.Incarnation))
        {
            _snapshotReports.Add((Now + 1 + _random.Next(Settings.MaxDelay), sender.Id, sender.Incarnation, request.To, false));
        }
    }

    /// <summary>One step: deliver what is due, report snapshot transfers, tick the nodes whose turn it is.</summary>
    private void Step()
    {
        Now++;
        while (Network.TryTakeDue(Now, out var envelope))
        {
            var target = Node(envelope.Message.To);
            var delivered = target.IsAlive && !Network.Blocks(envelope.Message.From, envelope.Message.To);
            if (envelope.ReportTo is { } incarnation)
            {
                _snapshotReports.Add((Now + 1, envelope.Message.From, incarnation, envelope.Message.To, delivered));
            }

            if (delivered)
            {
                target.Deliver(envelope);
            }
        }

        for (var i = _snapshotReports.Count - 1; i >= 0; i--)
        {
            var report = _snapshotReports[i];
            if (report.At > Now)
            {
                continue;
            }

            _snapshotReports.RemoveAt(i);
            var sender = Node(report.Sender);
            if (sender.IsAlive && sender.Incarnation == report.Incarnation)
            {
                if (report.Installed)
                {
                    sender.Core!.SnapshotInstalled(report.Target);
                }
                else
                {
                    sender.Core!.SnapshotFailed(report.Target);
                }

                sender.AfterInput();
            }
        }

        foreach (var node in _nodes)
        {
            node.Pump();
            if (node.IsAlive && (Now + node.TickPhase) % Settings.StepsPerTick == 0)
            {
                node.Tick();
            }
        }
    }

    /// <summary>Steps a Ready waits for its (asynchronous) persistence: 0 when the host persists synchronously.</summary>
    public int PersistDelay() =>
        Settings.AsyncPersistence && _random.NextDouble() < 0.5 ? _random.Next(1, 4) : 0;

    private SimNode Node(NodeId id) => _nodes[(int)id.Value - 1];

    private SimNode? CurrentLeader() =>
        _nodes.Where(n => n.Core is { Role: NodeRole.Leader }).OrderByDescending(n => n.Core!.Term).FirstOrDefault();

    private string Describe(string violation)
    {
        var state = string.Join(
            "\n",
            _nodes.Select(n => n.Core is { } core
                ? $"  {n.Id}: {core.Role} term {core.Term} leader {core.Leader?.ToString() ?? "-"} commit {core.CommitIndex} " +
                  $"applied {core.AppliedIndex} log [{core.GetStatus().FirstIndex}, {core.LastIndex}] config {core.Configuration}"
                : $"  {n.Id}: down"));
        var trace = Settings.Trace ? "\nlast events:\n" + string.Join("\n", _trace) : string.Empty;
        return $"{violation}\nat step {Now}; nodes:\n{state}{trace}";
    }
}
