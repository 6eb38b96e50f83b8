namespace LithairAkka.Actors;

/// <summary>Applies a Restart or Stop decision to every child of the supervisor (Resume only to the failed one).</summary>
public class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed per child within the window (negative or null: unlimited; 0: none).</param>
    /// <param name="withinTimeRange">The window (null or infinite: none).</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(decider, loggingEnabled)
    {
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
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
        ArgumentNullException.ThrowIfNull(children);
        if (children.Count == 0)
        {
            return;
        }

        var timeProvider = context.System.TimeProvider;
        if (restart && children.All(c => c.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, timeProvider)))
        {
            foreach (var c in children)
            {
                RestartChild(c.Child, cause, suspendFirst: !c.Child.Equals(child));
            }
        }
        else
        {
            foreach (var c in children)
            {
                context.Stop(c.Child);
            }
        }
    }
}
