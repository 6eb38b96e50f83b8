using LithairAkka.Actors.Event;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class StashTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private sealed class Gatekeeper : ReceiveActor, IWithUnboundedStash
    {
        private readonly IActorRef _probe;

        public Gatekeeper(IActorRef probe)
        {
            _probe = probe;
            Closed();
        }

        public IStash Stash { get; set; } = null!;

        private void Closed()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(Open);
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "one", _ =>
            {
                Become(Open);
                Stash.Unstash();
            });
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
            Receive<string>(s => s == "twice", _ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (IllegalActorStateException)
                {
                    _probe.Tell("refused");
                }
            });
            Receive<string>(s => s == "count", _ => Sender.Tell(Stash.Count));
            ReceiveAny(_ => Stash.Stash());
        }

        private void Open()
        {
            Receive<string>(s => s == "close", _ => Become(Closed));
            ReceiveAny(m => _probe.Tell(m));
        }
    }

    [Fact]
    public void UnstashAll_ReplaysInOriginalOrderBeforeNewMessages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)));
        for (var i = 0; i < 5; i++)
        {
            actor.Tell(i);
        }

        actor.Tell("open");
        actor.Tell(99);

        Assert.Equal([0, 1, 2, 3, 4, 99], ReceiveN(6).Cast<int>());
    }

    [Fact]
    public void Unstash_ReplaysOldestOnly()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)));
        actor.Tell(1);
        actor.Tell(2);

        actor.Tell("one");
        ExpectMsg(1);
        actor.Tell("close");
        actor.Tell("count");

        ExpectMsg(1);
    }

    [Fact]
    public void Stash_SameMessageTwice_Throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)));

        actor.Tell("twice");

        ExpectMsg("refused");
    }

    [Fact]
    public void Stash_OneObjectDeliveredTwice_StashesBothDeliveries()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)));
        var singleton = new object();
        actor.Tell(singleton);
        actor.Tell(singleton);

        actor.Tell("count");
        ExpectMsg(2);
        actor.Tell("open");

        ExpectMsg(singleton);
        ExpectMsg(singleton);
    }

    [Fact]
    public void Restart_KeepsStashedMessagesAheadOfTheMailbox()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)));
        actor.Tell(1);
        actor.Tell(2);

        EventFilter.Error<InvalidOperationException>().ExpectOne(() => actor.Tell("fail"));

        // The fresh instance starts closed and stashes the replayed messages again, in order.
        actor.Tell("count");
        ExpectMsg(2);
        actor.Tell("open");
        Assert.Equal([1, 2], ReceiveN(2).Cast<int>());
    }

    [Fact]
    public void Stop_SendsStashedMessagesToDeadLetters()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)));
        actor.Tell("lost");
        actor.Tell("count");
        ExpectMsg(1);
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));

        Sys.Stop(actor);

        Assert.Equal("lost", ExpectMsg<DeadLetter>().Message);
    }
}
