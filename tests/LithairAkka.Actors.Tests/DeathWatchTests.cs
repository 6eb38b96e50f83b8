using LithairAkka.Actors.Event;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class DeathWatchTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<(string Op, IActorRef Target)>(m =>
            {
                switch (m.Op)
                {
                    case "watch":
                        Context.Watch(m.Target);
                        break;
                    case "watchWith":
                        Context.WatchWith(m.Target, "custom:" + m.Target.Path.Name);
                        break;
                    case "unwatch":
                        Context.Unwatch(m.Target);
                        break;
                }

                Sender.Tell("ok");
            });
            // A Terminated is only delivered to the actor that watched; hand it over wrapped.
            Receive<Terminated>(t => probe.Tell(new Observed(t)));
            Receive<string>(s => probe.Tell(s));
        }
    }

    private sealed record Observed(Terminated Terminated);

    private sealed class PactBreaker : ReceiveActor
    {
        public PactBreaker(IActorRef target) => Context.Watch(target);
    }

    [Fact]
    public void Watch_ActorStops_DeliversTerminated()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", target));
        ExpectMsg("ok");

        Sys.Stop(target);

        var terminated = ExpectMsg<Observed>().Terminated;
        Assert.Equal(target, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Watch_AlreadyDeadActor_DeliversTerminatedAtOnce()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));

        watcher.Tell(("watch", target));

        ExpectMsg("ok");
        Assert.Equal(target, ExpectMsg<Observed>().Terminated.ActorRef);
    }

    [Fact]
    public void Watch_NonExistentPath_DeliversTerminatedWithoutConfirmedExistence()
    {
        var ghost = ((ExtendedActorSystem)Sys).Provider.ResolveActorRef($"akka://{Sys.Name}/user/ghost");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));

        watcher.Tell(("watch", ghost));

        ExpectMsg("ok");
        Assert.False(ExpectMsg<Observed>().Terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Unwatch_BeforeStop_NoTerminated()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", target));
        ExpectMsg("ok");
        watcher.Tell(("unwatch", target));
        ExpectMsg("ok");

        Sys.Stop(target);

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void WatchWith_DeliversCustomMessage()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>(), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watchWith", target));
        ExpectMsg("ok");

        Sys.Stop(target);

        ExpectMsg("custom:target");
    }

    [Fact]
    public void Terminated_ArrivesAfterMessagesTheDeadActorSentBefore()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new ForwardingActor(watcher)));
        watcher.Tell(("watch", target));
        ExpectMsg("ok");

        for (var i = 0; i < 100; i++)
        {
            target.Tell($"m{i}");
        }

        target.Tell(PoisonPill.Instance);

        for (var i = 0; i < 100; i++)
        {
            ExpectMsg($"m{i}");
        }

        ExpectMsg<Observed>();
    }

    [Fact]
    public void UnhandledTerminated_ThrowsDeathPactException()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var breaker = Sys.ActorOf(Props.Create(() => new PactBreaker(target)));
        Watch(breaker);

        EventFilter.Error<DeathPactException>().ExpectOne(() => Sys.Stop(target));

        ExpectTerminated(breaker);
    }

    [Fact]
    public void Parent_ReceivesTerminatedOfWatchedChild()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.DefaultStrategy)));
        supervisor.Tell(Props.Create<EchoActor>());
        var child = ExpectMsg<IActorRef>();
        parent.Tell(("watch", child));
        ExpectMsg("ok");

        Sys.Stop(supervisor);

        Assert.Equal(child, ExpectMsg<Observed>().Terminated.ActorRef);
    }

    [Fact]
    public void MessagesToStoppedActor_BecomeDeadLetters()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));

        target.Tell("lost");

        var deadLetter = ExpectMsg<DeadLetter>();
        Assert.Equal("lost", deadLetter.Message);
        Assert.Equal(target, deadLetter.Recipient);
        Assert.Equal(TestActor, deadLetter.Sender);
    }
}
