using System.Collections.Concurrent;
using LithairAkka.Actors.Event;
using LithairAkka.Hocon;

namespace LithairAkka.Actors;

/// <summary>
/// Runs registered tasks in ordered phases when the system shuts down (Akka's CoordinatedShutdown). Phases and their
/// <c>depends-on</c> order, timeouts and recovery come from <c>akka.coordinated-shutdown.phases</c>. Tasks of one phase
/// run in parallel; the next phase starts when they all completed or the phase timed out (on the injected
/// <see cref="TimeProvider"/>). <see cref="Run"/> is idempotent and always returns the same task; the last phase
/// terminates the actor system. Thread-safe.
/// </summary>
public sealed partial class CoordinatedShutdown : IExtension
{
    /// <summary>The first phase.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Stop accepting new incoming connections.</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>Wait for requests in progress.</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";

    /// <summary>Final shutdown of service endpoints.</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>Before the cluster shutdown.</summary>
    public const string PhaseBeforeClusterShutdown = "before-cluster-shutdown";

    /// <summary>Hand over sharded entities.</summary>
    public const string PhaseClusterShardingShutdownRegion = "cluster-sharding-shutdown-region";

    /// <summary>Leave the cluster gracefully.</summary>
    public const string PhaseClusterLeave = "cluster-leave";

    /// <summary>Wait until the leader moved this node to Exiting.</summary>
    public const string PhaseClusterExiting = "cluster-exiting";

    /// <summary>Wait until Exiting was seen.</summary>
    public const string PhaseClusterExitingDone = "cluster-exiting-done";

    /// <summary>Shut down the cluster extension.</summary>
    public const string PhaseClusterShutdown = "cluster-shutdown";

    /// <summary>Before the actor system terminates.</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>The actor system terminates.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    private const string Section = "akka.coordinated-shutdown";

    private readonly ExtendedActorSystem _system;
    private readonly ILoggingAdapter _log;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Name, Func<Task<Done>> Task)>> _tasks = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<Done> _runPromise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _terminateActorSystem;
    private readonly bool _exitClr;
    private Reason? _reason;
    private int _runStarted;

    internal CoordinatedShutdown(ExtendedActorSystem system)
    {
        _system = system;
        _log = system.GetLogger("CoordinatedShutdown", typeof(CoordinatedShutdown));
        var config = system.Settings.Config;
        var defaultTimeout = config.GetTimeSpan(Section + ".default-phase-timeout", TimeSpan.FromSeconds(5));
        Phases = ReadPhases(config.GetConfig(Section + ".phases"), defaultTimeout);
        OrderedPhases = TopologicalSort(Phases);
        _terminateActorSystem = config.GetBoolean(Section + ".terminate-actor-system", true);
        _exitClr = config.GetBoolean(Section + ".exit-clr", false);
        if (system.Settings.CoordinatedShutdownRunByActorSystemTerminate && !_terminateActorSystem)
        {
            throw new ConfigurationException(
                $"'{Section}.run-by-actor-system-terminate = on' requires '{Section}.terminate-actor-system = on'.");
        }

        if (_terminateActorSystem)
        {
            AddTask(PhaseActorSystemTerminate, "terminate-system", async () =>
            {
                await _system.FinalTerminate().ConfigureAwait(false);
                return Done.Instance;
            });
        }

        if (config.GetBoolean(Section + ".run-by-clr-shutdown-hook", true))
        {
            RegisterProcessExitHook();
        }
    }

    /// <summary>The configured phases by name.</summary>
    public IReadOnlyDictionary<string, Phase> Phases { get; }

    /// <summary>The phases in execution order.</summary>
    public IReadOnlyList<string> OrderedPhases { get; }

    /// <summary>The reason of the run, or null before <see cref="Run"/>.</summary>
    public Reason? ShutdownReason => Volatile.Read(ref _reason);

    /// <summary>The sum of all phase timeouts.</summary>
    public TimeSpan TotalTimeout => Phases.Values.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Timeout);

    /// <summary>Returns the coordinated shutdown of <paramref name="system"/>.</summary>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<CoordinatedShutdown, CoordinatedShutdownExtension>();
    }

    /// <summary>The timeout of <paramref name="phase"/>.</summary>
    /// <exception cref="ArgumentException">For an unknown phase.</exception>
    public TimeSpan Timeout(string phase) =>
        Phases.TryGetValue(phase, out var p) ? p.Timeout : throw new ArgumentException($"Unknown coordinated-shutdown phase [{phase}].", nameof(phase));

    /// <summary>Adds a task to <paramref name="phase"/>. Tasks added after the phase ran are not run.</summary>
    /// <exception cref="ArgumentException">For an unknown phase or an empty task name.</exception>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(task);
        if (!Phases.ContainsKey(phase))
        {
            throw new ArgumentException($"Unknown coordinated-shutdown phase [{phase}]; known phases: {string.Join(", ", OrderedPhases)}.", nameof(phase));
        }

        _tasks.GetOrAdd(phase, _ => new ConcurrentQueue<(string, Func<Task<Done>>)>()).Enqueue((taskName, task));
    }

    /// <summary>
    /// Runs the phases (from <paramref name="fromPhase"/>, or all). Only the first call starts a run; every call
    /// returns the same task, completing once the last phase finished.
    /// </summary>
    public Task<Done> Run(Reason reason, string? fromPhase = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (fromPhase is not null && !Phases.ContainsKey(fromPhase))
        {
            throw new ArgumentException($"Unknown coordinated-shutdown phase [{fromPhase}].", nameof(fromPhase));
        }

        if (Interlocked.CompareExchange(ref _runStarted, 1, 0) == 0)
        {
            Volatile.Write(ref _reason, reason);
            _ = RunPhasesAsync(fromPhase);
        }

        return _runPromise.Task;
    }
}
