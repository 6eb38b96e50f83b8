namespace LithairAkka.Actors;

/// <summary>The actor system as seen by the runtime's own layers (remoting, cluster, persistence).</summary>
public abstract class ExtendedActorSystem : ActorSystem
{
    /// <summary>The ref provider.</summary>
    public abstract IActorRefProvider Provider { get; }

    /// <summary>The user guardian <c>/user</c>.</summary>
    public abstract IInternalActorRef Guardian { get; }

    /// <summary>The system guardian <c>/system</c>.</summary>
    public abstract IInternalActorRef SystemGuardian { get; }

    /// <summary>True once termination started.</summary>
    public abstract bool IsTerminating { get; }

    /// <summary>Creates a runtime actor under <c>/system</c>.</summary>
    public abstract IActorRef SystemActorOf(Props props, string? name = null);

    /// <summary>Stops the actor tree now, without coordinated shutdown (its last phase calls this).</summary>
    public abstract Task FinalTerminate();
}
