using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class ActorLifecycleTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private sealed class FailingConstructor : ReceiveActor
    {
        public FailingConstructor() => throw new InvalidOperationException("ctor failed");
    }

    private sealed class ParentOfChildren : ReceiveActor
    {
        public ParentOfChildren(IActorRef probe)
        {
            Context.ActorOf(Props.Create(() => new LifecycleActor(probe)), "child");
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("parent"));
            Receive<string>(s => s == "children", _ => Sender.Tell(Context.Children.Count));
        }
    }

    [Fact]
    public void Start_RunsConstructorThenPreStart()
    {
        Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));

        ExpectMsg("ctor");
        ExpectMsg("preStart");
    }

    [Fact]
    public void Restart_RunsHooksInAkkaOrder_WithNewInstanceFromProps()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        ExpectMsg("ctor");
        ExpectMsg("preStart");
        actor.Tell("id");
        var firstId = ExpectMsg<string>();
        actor.Tell("inc");

        actor.Tell("fail");

        ExpectMsg("preRestart:fail:fail");
        ExpectMsg("postStop");
        ExpectMsg("ctor");
        ExpectMsg("postRestart:fail");
        ExpectMsg("preStart");
        actor.Tell("id");
        Assert.NotEqual(firstId, ExpectMsg<string>());
        actor.Tell("state");
        ExpectMsg(0);
    }

    [Fact]
    public void Restart_DefaultPreRestart_StopsChildren()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ParentOfChildren(probe.Ref)));
        probe.ExpectMsg("ctor");
        probe.ExpectMsg("preStart");

        parent.Tell("fail");

        // The old child stops, the new parent instance creates a new child.
        probe.ExpectMsg("postStop");
        probe.ExpectMsg("ctor");
        probe.ExpectMsg("preStart");
        parent.Tell("children");
        ExpectMsg(1);
    }

    [Fact]
    public void ConstructorFailure_StopsActorWithActorInitializationException()
    {
        EventFilter.Error<ActorInitializationException>().ExpectOne(() =>
        {
            var actor = Sys.ActorOf(Props.Create<FailingConstructor>());
            Watch(actor);
        });

        ExpectMsg<Terminated>();
    }

    [Fact]
    public void PoisonPill_StopsAfterEarlierMessages()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(actor);

        actor.Tell("one");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("after");

        ExpectMsg("one");
        ExpectTerminated(actor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Kill_FailsWithActorKilledException_AndDefaultDeciderStops()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        ExpectMsg("ctor");
        ExpectMsg("preStart");
        Watch(actor);

        EventFilter.Error<ActorKilledException>().ExpectOne(() => actor.Tell(Kill.Instance));

        ExpectMsg("postStop");
        ExpectTerminated(actor);
    }

    [Fact]
    public void ContextStop_Self_RunsPostStopAndNotifiesWatchers()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        ExpectMsg("ctor");
        ExpectMsg("preStart");
        Watch(actor);

        Sys.Stop(actor);

        ExpectMsg("postStop");
        var terminated = ExpectTerminated(actor);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }
}
