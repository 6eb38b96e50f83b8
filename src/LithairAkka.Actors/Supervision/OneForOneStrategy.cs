namespace LithairAkka.Actors;

/// <summary>Applies the decision to the failed child only.</summary>
public class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within the window (negative or null: unlimited; 0: none, stop instead).</param>
    /// <param name="withinTimeRange">The window (null or infinite: none).</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(decider, loggingEnabled)
    {
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    /// <summary>Restarts allowed within the window.</summary>
    public int? MaxNumberOfRetries { get; }

    /// <summary>The restart window.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <inheritdoc/>
    public override void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyCollection<ChildRestartStats> children)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stats);
        if (restart && stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, context.System.TimeProvider))
        {
            RestartChild(child, cause, suspendFirst: false);
        }
        else
        {
            context.Stop(child);
        }
    }
}
