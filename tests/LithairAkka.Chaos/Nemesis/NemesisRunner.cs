using System.Globalization;

namespace LithairAkka.Chaos.Nemesis;

/// <summary>
/// Plays a <see cref="NemesisSchedule"/> against a cluster: at each window's start it picks the nodes (the leader,
/// or random ones), injects the fault, and undoes it at the window's end, even when the run is cancelled. Every
/// command is logged as a <see cref="NemesisEvent"/>; a failed command is logged and the run goes on. A fault the
/// control cannot inject here (a clock skew without libfaketime) is skipped: logged, counted in <see cref="Skipped"/>,
/// no window. A skewed node's clock is measured once it answers, and a measured offset more than
/// <see cref="SkewTolerance"/> away from the one asked for is logged as a failed command.
/// </summary>
/// <remarks>One run per instance; <see cref="Events"/> and <see cref="Windows"/> are read after <see cref="RunAsync"/> completes.</remarks>
public sealed class NemesisRunner
{
    private readonly IClusterControl _control;
    private readonly int _nodes;
    private readonly Random _random;
    private readonly TimeProvider _time;
    private readonly Func<long> _clock;
    private readonly List<NemesisEvent> _events = [];
    private readonly List<FaultWindow> _windows = [];
    private readonly List<NemesisFaultKind> _skipped = [];
    private readonly List<int> _revived = [];

    /// <summary>Creates the runner.</summary>
    /// <param name="control">Runs the cluster commands.</param>
    /// <param name="nodes">Cluster size (node ids 0 to <paramref name="nodes"/> − 1).</param>
    /// <param name="random">Picks the nodes (seed it to replay).</param>
    /// <param name="time">The clock that paces the schedule.</param>
    /// <param name="clock">The history's clock, stamped on events (e.g. <c>HistoryRecorder.Now</c>).</param>
    public NemesisRunner(IClusterControl control, int nodes, Random random, TimeProvider time, Func<long> clock)
    {
        _control = control;
        _nodes = nodes;
        _random = random;
        _time = time;
        _clock = clock;
    }

    /// <summary>The commands run so far.</summary>
    public IReadOnlyList<NemesisEvent> Events => _events;

    /// <summary>The fault windows completed so far.</summary>
    public IReadOnlyList<FaultWindow> Windows => _windows;

    /// <summary>Scheduled faults not injected because the control cannot inject them here.</summary>
    public IReadOnlyList<NemesisFaultKind> Skipped => _skipped;

    /// <summary>How far a skewed node's measured clock offset may be from the one asked for (default 3 s: the <c>Date</c> header has whole seconds).</summary>
    public TimeSpan SkewTolerance { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long to wait, before each fault, for every node to be ready (default 30 s): a node still restarting from the
    /// last fault is down in all but name, and a new fault on top of it could take down a majority. A node still not
    /// ready then is started again (a no-op if it is running: <c>cluster.sh start</c> leaves a live node alone), which
    /// brings back one that exited by itself, e.g. downed by the split-brain resolver; see <see cref="Revived"/>.
    /// </summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Nodes found not ready for <see cref="ReadyTimeout"/> before a fault and started again (node ids, in order).</summary>
    public IReadOnlyList<int> Revived => _revived;

    /// <summary>How long to wait for a skewed node to answer before its offset is reported unmeasured (default 60 s).</summary>
    public TimeSpan SkewMeasureTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Runs the schedule to its end, or until <paramref name="token"/> is cancelled (the current fault is still undone).</summary>
    /// <param name="schedule">The windows.</param>
    /// <param name="token">Stops the run early.</param>
    /// <returns>Completes when the last fault has been undone.</returns>
    /// <exception cref="InvalidOperationException">A resolved fault would take down a majority (a bug in the schedule's resolution).</exception>
    public async Task RunAsync(NemesisSchedule schedule, CancellationToken token)
    {
        var start = _time.GetTimestamp();
        foreach (var fault in schedule.Faults)
        {
            try
            {
                var wait = fault.At - _time.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, token);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!await WaitReadyAsync(token) || _time.GetElapsedTime(start) + fault.Duration > schedule.Total)
            {
                // Cancelled, or waiting for the cluster pushed the window past the end of the run.
                _events.Add(new NemesisEvent(_clock(), Text($"stop: {schedule.Faults.Count - _windows.Count - _skipped.Count} faults left unplayed"), null));
                return;
            }

            if (fault.Kind == NemesisFaultKind.SkewClock && _control.ClockSkewUnavailable is { } reason)
            {
                _skipped.Add(fault.Kind);
                _events.Add(new NemesisEvent(_clock(), "skip clock skew: " + reason, null));
                continue;
            }

            var resolved = await ResolveAsync(fault.Kind, token);
            if (!resolved.KeepsMajority(_nodes))
            {
                throw new InvalidOperationException($"Fault '{resolved.Description}' would leave no connected majority of {_nodes} nodes.");
            }

            var windowStart = _clock();
            try
            {
                await ApplyAsync(resolved, token);
                await Task.Delay(fault.Duration, _time, token);
            }
            catch (OperationCanceledException)
            {
                // Fall through to recovery: a cancelled run must not leave a node down.
            }
            finally
            {
                await RecoverAsync(resolved);
                _windows.Add(new FaultWindow(fault.Kind, resolved.Description, windowStart, _clock()));
            }

            if (token.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<ResolvedFault> ResolveAsync(NemesisFaultKind kind, CancellationToken token)
    {
        var all = Enumerable.Range(0, _nodes).ToArray();
        _random.Shuffle(all);
        // Clusters of 5 and more lose up to a minority at once; 3 and 4 nodes lose one.
        var some = all[..(1 + _random.Next((_nodes - 1) / 2))];
        switch (kind)
        {
            case NemesisFaultKind.KillNode:
                return new ResolvedFault("kill " + string.Join(',', some), some, [], [], []);
            case NemesisFaultKind.PauseNode:
                return new ResolvedFault("pause " + string.Join(',', some), [], some, [], []);
            case NemesisFaultKind.SkewClock:
                var offset = TimeSpan.FromSeconds((_random.Next(2) == 0 ? -1 : 1) * _random.Next(30, 181));
                return new ResolvedFault(Text($"skew clock of {all[0]} by {Seconds(offset)}"), [], [], [], []) { Skewed = all[0], SkewOffset = offset };
            case NemesisFaultKind.PartitionMinority:
                var minority = 1 + _random.Next((_nodes - 1) / 2);
                return Partition("minority", all[..minority], all[minority..]);
            case NemesisFaultKind.Bridge:
                var half = (_nodes - 1) / 2;
                return Partition(Text($"bridge {all[0]}"), all[1..(1 + half)], all[(1 + half)..]);
        }

        var leader = await FindLeaderAsync(token);
        var target = leader ?? all[0];
        var label = leader is null ? Text($"random {target} (no leader known)") : Text($"leader {target}");
        return kind == NemesisFaultKind.KillLeader
            ? new ResolvedFault("kill " + label, [target], [], [], [])
            : Partition("isolate " + label, [target], [.. all.Where(n => n != target)]);
    }

    private static ResolvedFault Partition(string label, int[] sideA, int[] sideB) =>
        new($"partition {label}: {string.Join(',', sideA)} | {string.Join(',', sideB)}", [], [], sideA, sideB);

    private async Task<int?> FindLeaderAsync(CancellationToken token)
    {
        try
        {
            return await _control.FindLeaderAsync(token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _events.Add(new NemesisEvent(_clock(), "find leader", e.Message));
            return null;
        }
    }

    private async Task ApplyAsync(ResolvedFault fault, CancellationToken token)
    {
        foreach (var node in fault.Killed)
        {
            await RunCommandAsync(Text($"kill {node}"), t => _control.KillAsync(node, t), token);
        }

        foreach (var node in fault.Paused)
        {
            await RunCommandAsync(Text($"pause {node}"), t => _control.PauseAsync(node, t), token);
        }

        if (fault.Skewed is { } skewed)
        {
            await RunCommandAsync(Text($"kill {skewed}"), t => _control.KillAsync(skewed, t), token);
            await RunCommandAsync(Text($"start {skewed} skewed {Seconds(fault.SkewOffset)}"), t => _control.StartSkewedAsync(skewed, fault.SkewOffset, t), token);
            await RunCommandAsync(Text($"measure clock of {skewed}"), t => VerifySkewAsync(skewed, fault.SkewOffset, t), token);
        }

        if (fault.SideA.Count > 0)
        {
            await RunCommandAsync(
                $"partition {string.Join(',', fault.SideA)} {string.Join(',', fault.SideB)}",
                t => _control.PartitionAsync(fault.SideA, fault.SideB, t),
                token);
        }
    }

    private async Task RecoverAsync(ResolvedFault fault)
    {
        if (fault.SideA.Count > 0)
        {
            await RunCommandAsync("heal", _control.HealAsync, CancellationToken.None);
        }

        foreach (var node in fault.Paused)
        {
            await RunCommandAsync(Text($"resume {node}"), t => _control.ResumeAsync(node, t), CancellationToken.None);
        }

        foreach (var node in fault.Killed)
        {
            await RunCommandAsync(Text($"start {node}"), t => _control.StartAsync(node, t), CancellationToken.None);
        }

        if (fault.Skewed is { } skewed)
        {
            await RunCommandAsync(Text($"kill {skewed}"), t => _control.KillAsync(skewed, t), CancellationToken.None);
            await RunCommandAsync(Text($"start {skewed}"), t => _control.StartAsync(skewed, t), CancellationToken.None);
        }
    }

    // Waits until every node is ready; starts any still not ready after the timeout. False when cancelled.
    private async Task<bool> WaitReadyAsync(CancellationToken token)
    {
        try
        {
            var notReady = await PollReadyAsync(token);
            foreach (var node in notReady)
            {
                _revived.Add(node);
                await RunCommandAsync(Text($"start {node} (not ready for {ReadyTimeout.TotalSeconds} s)"), t => _control.StartAsync(node, t), token);
            }

            if (notReady.Count > 0)
            {
                await PollReadyAsync(token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<List<int>> PollReadyAsync(CancellationToken token)
    {
        var start = _time.GetTimestamp();
        while (true)
        {
            var notReady = new List<int>();
            for (var node = 0; node < _nodes; node++)
            {
                if (!await _control.IsReadyAsync(node, token))
                {
                    notReady.Add(node);
                }
            }

            if (notReady.Count == 0 || _time.GetElapsedTime(start) >= ReadyTimeout)
            {
                return notReady;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), _time, token);
        }
    }

    // Polls the node until it answers, then fails (a logged error) unless its clock is off by what was asked.
    private async Task VerifySkewAsync(int node, TimeSpan asked, CancellationToken token)
    {
        var start = _time.GetTimestamp();
        while (true)
        {
            if (await _control.MeasureClockOffsetAsync(node, token) is { } measured)
            {
                if ((measured - asked).Duration() > SkewTolerance)
                {
                    throw new InvalidOperationException(Text($"node {node} reports a clock offset of {Seconds(measured)}, not {Seconds(asked)}"));
                }

                _events.Add(new NemesisEvent(_clock(), Text($"clock of {node} measured {Seconds(measured)} off (asked {Seconds(asked)})"), null));
                return;
            }

            if (_time.GetElapsedTime(start) > SkewMeasureTimeout)
            {
                throw new InvalidOperationException(Text($"node {node} did not answer within {SkewMeasureTimeout.TotalSeconds} s of its skewed start"));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), _time, token);
        }
    }

    private static string Seconds(TimeSpan offset) => Text($"{(offset >= TimeSpan.Zero ? "+" : "-")}{Math.Abs(Math.Round(offset.TotalSeconds)):0} s");

    private async Task RunCommandAsync(string action, Func<CancellationToken, Task> command, CancellationToken token)
    {
        string? error = null;
        var at = _clock();
        try
        {
            await command(token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
        }
        finally
        {
            _events.Add(new NemesisEvent(at, action, error));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
