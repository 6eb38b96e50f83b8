using LithairAkka.Actors.Event;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class ReceiveActorTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private sealed class Matcher : ReceiveActor
    {
        public Matcher()
        {
            Receive<int>(i => i > 100, i => Sender.Tell($"big:{i}"));
            Receive<int>(i => Sender.Tell($"int:{i}"));
            Receive<string>(s =>
            {
                if (s.StartsWith('x'))
                {
                    return false;
                }

                Sender.Tell($"str:{s}");
                return true;
            });
            Receive<Exception>(e => Sender.Tell($"exception:{e.GetType().Name}"));
        }
    }

    private sealed class Base;

    private sealed class Catchall : ReceiveActor
    {
        public Catchall()
        {
            Receive<string>(s => Sender.Tell("string"));
            ReceiveAny(o => Sender.Tell("any:" + o.GetType().Name));
        }
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher()
        {
            Receive<string>(s => s == "stack", _ => BecomeStacked(Stacked));
            Receive<string>(s => s == "become", _ => Become(() => Receive<string>(s => Reply("became:" + s))));
            Receive<string>(s => Sender.Tell("initial:" + s));
        }

        private void Stacked()
        {
            Receive<string>(s => s == "stack", _ => BecomeStacked(Stacked));
            Receive<string>(s => s == "pop" ? Pop() : Reply("stacked:" + s));
        }

        private bool Pop()
        {
            UnbecomeStacked();
            Sender.Tell("popped");
            return true;
        }

        private bool Reply(string text)
        {
            Sender.Tell(text);
            return true;
        }
    }

    private sealed class LateRegistration : ReceiveActor
    {
        public LateRegistration() => Receive<string>(_ =>
        {
            try
            {
                Receive<int>(_ => { });
            }
            catch (InvalidOperationException)
            {
                Sender.Tell("refused");
            }
        });
    }

    [Fact]
    public void Receive_PredicateAndOrder_FirstMatchingHandlerWins()
    {
        var actor = Sys.ActorOf(Props.Create<Matcher>());

        actor.Tell(5);
        ExpectMsg("int:5");
        actor.Tell(500);
        ExpectMsg("big:500");
    }

    [Fact]
    public void Receive_FuncReturningFalse_FallsThroughToUnhandled()
    {
        var actor = Sys.ActorOf(Props.Create<Matcher>());
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));

        actor.Tell("abc");
        ExpectMsg("str:abc");
        actor.Tell("xyz");
        var unhandled = ExpectMsg<UnhandledMessage>();

        Assert.Equal("xyz", unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
    }

    [Fact]
    public void Receive_BaseType_MatchesSubclasses()
    {
        var actor = Sys.ActorOf(Props.Create<Matcher>());

        actor.Tell(new InvalidOperationException());
        ExpectMsg("exception:InvalidOperationException");
        actor.Tell(new ArgumentException());
        ExpectMsg("exception:ArgumentException");
    }

    [Fact]
    public void ReceiveAny_TakesWhatEarlierHandlersLeft()
    {
        var actor = Sys.ActorOf(Props.Create<Catchall>());

        actor.Tell("s");
        ExpectMsg("string");
        actor.Tell(new Base());
        ExpectMsg("any:Base");
    }

    [Fact]
    public void Receive_OutsideConstructor_Throws()
    {
        var actor = Sys.ActorOf(Props.Create<LateRegistration>());

        actor.Tell("go");

        ExpectMsg("refused");
    }

    [Fact]
    public void Become_ReplacesBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create<Switcher>());

        actor.Tell("a");
        ExpectMsg("initial:a");
        actor.Tell("become");
        actor.Tell("b");
        ExpectMsg("became:b");
        actor.Tell("pop");
        ExpectMsg("became:pop");
    }

    [Fact]
    public void BecomeStacked_UnbecomeStacked_ReturnsToPrevious()
    {
        var actor = Sys.ActorOf(Props.Create<Switcher>());

        actor.Tell("stack");
        actor.Tell("x");
        ExpectMsg("stacked:x");
        actor.Tell("stack");
        actor.Tell("pop");
        ExpectMsg("popped");
        actor.Tell("y");
        ExpectMsg("stacked:y");
        actor.Tell("pop");
        ExpectMsg("popped");
        actor.Tell("z");
        ExpectMsg("initial:z");
    }

    [Fact]
    public void UnbecomeStacked_OnInitialBehaviour_KeepsIt()
    {
        var actor = Sys.ActorOf(Props.Create<Switcher>());

        actor.Tell("stack");
        actor.Tell("pop");
        ExpectMsg("popped");
        actor.Tell("q");
        ExpectMsg("initial:q");
    }
}
