namespace LithairAkka.Actors.Tests;

/// <summary>Small actors shared by the tests.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Forwards every message it receives to a target, with the original sender.</summary>
internal sealed class ForwardingActor : ReceiveActor
{
    public ForwardingActor(IActorRef target) => ReceiveAny(m => target.Forward(m));
}

/// <summary>Records lifecycle hooks to a probe and fails on request.</summary>
internal sealed class LifecycleActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly string _id = Guid.NewGuid().ToString("N");
    private int _state;

    public LifecycleActor(IActorRef probe)
    {
        _probe = probe;
        _probe.Tell("ctor");
        Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("fail"));
        Receive<string>(s => s == "id", _ => Sender.Tell(_id));
        Receive<string>(s => s == "inc", _ => _state++);
        Receive<string>(s => s == "state", _ => Sender.Tell(_state));
        Receive<Exception>(e => throw e);
    }

    protected override void PreStart() => _probe.Tell("preStart");

    protected override void PostStop() => _probe.Tell("postStop");

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"preRestart:{reason.Message}:{message}");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell($"postRestart:{reason.Message}");
        base.PostRestart(reason);
    }
}

/// <summary>A parent with a configurable strategy that creates children on request.</summary>
internal sealed class Supervisor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Supervisor(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<Props>(p => Sender.Tell(Context.ActorOf(p)));
        Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name)));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}
