using LithairAkka.Actors;
using LithairAkka.Actors.Event;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary>ReceivePersistentActor's handler tables and behaviours, and UntypedPersistentActor's Become.</summary>
public class ReceivePersistentActorTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void Become_Action_SwapsTheCommandHandlersAndUnbecomeRestoresThem()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ModalActor("modal-1")));

        actor.Tell("ping", TestActor);
        ExpectMsg("normal:ping");
        actor.Tell(1, TestActor);
        actor.Tell("ping", TestActor);
        ExpectMsg("loud:PING");
        actor.Tell(2, TestActor);
        actor.Tell("ping", TestActor);

        ExpectMsg("normal:ping");
    }

    [Fact]
    public void Command_NoHandlerMatches_PublishesUnhandledMessage()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new ModalActor("modal-2")));

        actor.Tell(3.5, TestActor);

        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal(3.5, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
    }

    [Fact]
    public void Command_PredicateDeclines_NextHandlerRuns()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ModalActor("modal-3")));

        actor.Tell("skip", TestActor);

        ExpectMsg("fallback:skip");
    }

    [Fact]
    public void Become_UntypedPersistentActor_ReplacesTheCommandBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ProbeActor("untyped-become", TestActor, null)));
        ExpectMsg<ProbeActor.Recovered>();

        actor.Tell("become-echo", TestActor);
        actor.Tell("x", TestActor);

        ExpectMsg("echo:x");
    }

    /// <summary>Answers strings in its current mode; an int switches mode (1: push loud, 2: pop).</summary>
    private sealed class ModalActor : ReceivePersistentActor
    {
        public ModalActor(string persistenceId)
        {
            PersistenceId = persistenceId;
            RecoverAny(_ => { });
            Command<string>(s => Sender.Tell("normal:" + s), s => s != "skip");
            Command<string>(s => Sender.Tell("fallback:" + s));
            Command<int>(i =>
            {
                if (i == 1)
                {
                    BecomeStacked(() =>
                    {
                        Command<string>(s => Sender.Tell("loud:" + s.ToUpperInvariant()));
                        Command<int>(_ => UnbecomeStacked());
                    });
                }
            });
        }

        public override string PersistenceId { get; }
    }
}
