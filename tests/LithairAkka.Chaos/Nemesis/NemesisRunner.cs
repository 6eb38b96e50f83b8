using System.Globalization;

namespace LithairAkka.Chaos.Nemesis;

/// <summary>
/// Plays a <see cref="NemesisSchedule"/> against a cluster: at each window's start it picks the nodes (the leader,
/// or random ones), injects the fault, and undoes it at the window's end, even when the run is cancelled. Every
/// command is logged as a <see cref="NemesisEvent"/>; a failed command is logged and the run goes on.
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
        switch (kind)
        {
            case NemesisFaultKind.KillNode:
                return new ResolvedFault(Text($"kill {all[0]}"), [all[0]], [], [], []);
            case NemesisFaultKind.PauseNode:
                return new ResolvedFault(Text($"pause {all[0]}"), [], [all[0]], [], []);
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
    }

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
