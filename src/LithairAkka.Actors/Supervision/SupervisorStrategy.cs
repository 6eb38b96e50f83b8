using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>
/// Decides what happens to a failed child (see <see cref="Directive"/>) and applies the decision to the child
/// alone (<see cref="OneForOneStrategy"/>) or to all children (<see cref="AllForOneStrategy"/>). Runs on the
/// supervisor's thread. Immutable strategies may be shared.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged (Error; Warning for Resume).</param>
    protected SupervisorStrategy(Func<Exception, Directive> decider, bool loggingEnabled)
    {
        Decider = decider ?? throw new ArgumentNullException(nameof(decider));
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>
    /// Akka's default decider: <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/> stop the child, any other exception restarts it.
    /// </summary>
    public static Func<Exception, Directive> DefaultDecider { get; } = static e => e switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one with the default decider and unlimited restarts.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one that stops any failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether failures are logged.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>
    /// Applies the decision for a failed child; false means Escalate (the supervisor then fails with the cause).
    /// </summary>
    public bool HandleFailure(IActorContext context, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyCollection<ChildRestartStats> children)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directive = Decider(cause);
        LogFailure(context, child, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                ResumeChild(child, cause);
                return true;
            case Directive.Restart:
                ProcessFailure(context, true, child, cause, stats, children);
                return true;
            case Directive.Stop:
                ProcessFailure(context, false, child, cause, stats, children);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Restarts (<paramref name="restart"/>) or stops the child or children the strategy covers.</summary>
    public abstract void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyCollection<ChildRestartStats> children);

    /// <summary>Called when a child stopped; lets a strategy forget its state. The default does nothing.</summary>
    public virtual void HandleChildTerminated(IActorContext context, IActorRef child, IEnumerable<IActorRef> children)
    {
    }

    /// <summary>Resumes a failed child.</summary>
    protected static void ResumeChild(IActorRef child, Exception cause) => ((IInternalActorRef)child).Resume(cause);

    /// <summary>Restarts a child; <paramref name="suspendFirst"/> for children that did not fail themselves.</summary>
    protected static void RestartChild(IActorRef child, Exception cause, bool suspendFirst)
    {
        var target = (IInternalActorRef)child;
        if (suspendFirst)
        {
            target.Suspend();
        }

        target.Restart(cause);
    }

    /// <summary>Logs the failure as Akka does: Warning for Resume, nothing for Escalate, Error otherwise.</summary>
    protected virtual void LogFailure(IActorContext context, IActorRef child, Exception cause, Directive directive)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cause);
        if (!LoggingEnabled || directive == Directive.Escalate)
        {
            return;
        }

        var level = directive == Directive.Resume ? LogLevel.WarningLevel : LogLevel.ErrorLevel;
        var system = (ActorSystemImpl)context.System;
        system.LogFor(child.Path.ToString(), GetType()).Log(level, cause, "{Reason} ({Directive})", cause.Message, directive);
    }
}
