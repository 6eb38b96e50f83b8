using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class UntypedActorTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private sealed class Toggle : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "flip")
            {
                BecomeStacked(Flipped);
            }
            else if (message is string s)
            {
                Sender.Tell("normal:" + s);
            }
            else
            {
                Unhandled(message);
            }
        }

        private void Flipped(object message)
        {
            if (message is "flip")
            {
                UnbecomeStacked();
            }
            else
            {
                Sender.Tell("flipped:" + message);
            }
        }
    }

    [Fact]
    public void OnReceive_And_BecomeStacked()
    {
        var actor = Sys.ActorOf(Props.Create<Toggle>());

        actor.Tell("a");
        ExpectMsg("normal:a");
        actor.Tell("flip");
        actor.Tell("b");
        ExpectMsg("flipped:b");
        actor.Tell("flip");
        actor.Tell("c");
        ExpectMsg("normal:c");
    }

    [Fact]
    public void Unhandled_IsPublished()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Event.UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create<Toggle>());

        actor.Tell(3.14);

        Assert.Equal(3.14, ExpectMsg<Event.UnhandledMessage>().Message);
    }

    [Fact]
    public void Nobody_AnswersIdentifyEmpty()
    {
        ActorRefs.Nobody.Tell(new Identify(1), TestActor);

        Assert.Null(ExpectMsg<ActorIdentity>().Subject);
    }
}
