namespace LithairAkka.Actors;

/// <summary>
/// The root guardian: supervises <c>/user</c> and <c>/system</c> with a stopping strategy, and drives the ordered
/// shutdown: once <c>/user</c> stopped it stops <c>/system</c>, then itself.
/// </summary>
internal sealed class RootGuardianActor : ActorBase
{
    protected override void PreStart()
    {
        Context.Watch(Context.Child("user"));
        Context.Watch(Context.Child("system"));
    }

    protected internal override bool Receive(object message)
    {
        if (message is not Terminated terminated)
        {
            return false;
        }

        if (terminated.ActorRef.Path.Name == "user")
        {
            Context.Stop(Context.Child("system"));
        }
        else
        {
            Context.Stop(Self);
        }

        return true;
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    protected override void PreRestart(Exception reason, object? message)
    {
        // The root guardian is never restarted with its children gone: keep them.
    }
}

/// <summary>The user and system guardians: supervise their children with the configured strategy.</summary>
internal sealed class GuardianActor(SupervisorStrategy strategy) : ActorBase
{
    protected internal override bool Receive(object message) => false;

    protected override SupervisorStrategy SupervisorStrategy() => strategy;

    protected override void PreRestart(Exception reason, object? message)
    {
        // Guardians keep their children on restart.
    }
}
