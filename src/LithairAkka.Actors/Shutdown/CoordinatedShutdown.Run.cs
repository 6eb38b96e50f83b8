using LithairAkka.Hocon;

namespace LithairAkka.Actors;

/// <summary>Phase execution, configuration and ordering.</summary>
public sealed partial class CoordinatedShutdown
{
    /// <summary>
    /// Orders phases so that each comes after its <c>depends-on</c>: by depth (the longest dependency chain below a
    /// phase), then by name, so an added phase runs as early as its dependencies allow.
    /// </summary>
    /// <exception cref="ConfigurationException">When the dependencies contain a cycle.</exception>
    public static IReadOnlyList<string> TopologicalSort(IReadOnlyDictionary<string, Phase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);

        int Depth(string phase)
        {
            if (depth.TryGetValue(phase, out var known))
            {
                return known;
            }

            if (!visiting.Add(phase))
            {
                throw new ConfigurationException(
                    $"Cycle detected in '{Section}.phases': phase [{phase}] depends transitively on itself. The phases must form a DAG.");
            }

            var result = 0;
            if (phases.TryGetValue(phase, out var p))
            {
                foreach (var dependency in p.DependsOn)
                {
                    result = Math.Max(result, Depth(dependency) + 1);
                }
            }

            visiting.Remove(phase);
            depth[phase] = result;
            return result;
        }

        foreach (var name in phases.Keys)
        {
            Depth(name);
        }

        return depth.Keys.OrderBy(name => depth[name]).ThenBy(name => name, StringComparer.Ordinal).ToArray();
    }

    private static Dictionary<string, Phase> ReadPhases(Config phases, TimeSpan defaultTimeout)
    {
        var result = new Dictionary<string, Phase>(StringComparer.Ordinal);
        foreach (var name in phases.Keys)
        {
            var key = $"{Section}.phases.{name}";
            var section = phases.GetConfig(name);
            var timeout = section.GetTimeSpan("timeout", defaultTimeout);
            if (timeout <= TimeSpan.Zero)
            {
                throw new ConfigurationException($"'{key}.timeout' must be positive, was {timeout}.");
            }

            result[name] = new Phase(
                timeout,
                section.GetBoolean("recover", true),
                section.GetBoolean("enabled", true),
                section.HasPath("depends-on") ? section.GetStringList("depends-on") : []);
        }

        return result;
    }

    private async Task RunPhasesAsync(string? fromPhase)
    {
        var aborted = false;
        try
        {
            var started = fromPhase is null;
            foreach (var phaseName in OrderedPhases)
            {
                started |= phaseName == fromPhase;
                if (!started || !Phases.TryGetValue(phaseName, out var phase))
                {
                    continue;
                }

                if (!phase.Enabled)
                {
                    _log.Info("Coordinated shutdown phase [{Phase}] disabled; skipping its tasks", phaseName);
                    continue;
                }

                if (!await RunPhaseAsync(phaseName, phase).ConfigureAwait(false) && !phase.Recover)
                {
                    aborted = true;
                    _log.Warning("Coordinated shutdown aborted after phase [{Phase}] (recover = off)", phaseName);
                    break;
                }
            }
        }
        catch (Exception e)
        {
            aborted = true;
            _log.Error(e, "Coordinated shutdown failed");
        }

        if (aborted && _terminateActorSystem)
        {
            await _system.FinalTerminate().ConfigureAwait(false);
        }

        _runPromise.TrySetResult(Done.Instance);
        if (_exitClr && ShutdownReason is not ClrExitReason)
        {
            Environment.Exit(0);
        }
    }

    /// <returns>False when a task failed or the phase timed out.</returns>
    private async Task<bool> RunPhaseAsync(string phaseName, Phase phase)
    {
        if (!_tasks.TryGetValue(phaseName, out var queue) || queue.IsEmpty)
        {
            return true;
        }

        var tasks = queue.ToArray();
        _log.Debug("Coordinated shutdown phase [{Phase}]: running {Count} task(s)", phaseName, tasks.Length);
        var running = tasks.Select(t => RunTaskAsync(phaseName, t.Name, t.Task)).ToArray();
        try
        {
            var results = await Task.WhenAll(running).WaitAsync(phase.Timeout, _system.TimeProvider).ConfigureAwait(false);
            return results.All(ok => ok);
        }
        catch (TimeoutException)
        {
            var pending = tasks.Where((_, i) => !running[i].IsCompleted).Select(t => t.Name);
            _log.Warning(
                "Coordinated shutdown phase [{Phase}] timed out after {Timeout}; tasks still running: {Tasks}",
                phaseName,
                phase.Timeout,
                string.Join(", ", pending));
            return false;
        }
    }

    private async Task<bool> RunTaskAsync(string phaseName, string taskName, Func<Task<Done>> task)
    {
        try
        {
            await task().ConfigureAwait(false);
            return true;
        }
        catch (Exception e)
        {
            _log.Warning(e, "Coordinated shutdown task [{Task}] of phase [{Phase}] failed", taskName, phaseName);
            return false;
        }
    }

    private void RegisterProcessExitHook()
    {
        EventHandler handler = (_, _) =>
        {
            if (!_system.WhenTerminated.IsCompleted)
            {
                Run(ClrExitReason.Instance).Wait(TotalTimeout);
            }
        };
        AppDomain.CurrentDomain.ProcessExit += handler;
        _system.WhenTerminated.ContinueWith(
            _ => AppDomain.CurrentDomain.ProcessExit -= handler,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
