using LithairAkka.Actors.Event;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class EventStreamTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    private sealed record Stone;

    [Fact]
    public void Publish_SubscriberToBaseType_ReceivesSubclassEvents()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));

        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish(new Stone());
        Sys.EventStream.Publish(new Animal("generic"));

        ExpectMsg(new Dog("rex"));
        ExpectMsg(new Animal("generic"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Publish_OverlappingSubscriptions_DeliversOnce()
    {
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(Animal)));
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(Dog)));
        Assert.False(Sys.EventStream.Subscribe(TestActor, typeof(Dog)));

        Sys.EventStream.Publish(new Dog("once"));

        ExpectMsg(new Dog("once"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Unsubscribe_StopsDelivery()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));
        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Animal)));
        Assert.False(Sys.EventStream.Unsubscribe(TestActor, typeof(Animal)));

        Sys.EventStream.Publish(new Dog("x"));

        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Subscriber_Stops_IsUnsubscribedAutomatically()
    {
        var subscriber = Sys.ActorOf(Props.Create<EchoActor>());
        Sys.EventStream.Subscribe(subscriber, typeof(Stone));
        Assert.True(Sys.EventStream.HasSubscribers(typeof(Stone)));

        Sys.Stop(subscriber);

        AwaitCondition(() => !Sys.EventStream.HasSubscribers(typeof(Stone)));
    }

    [Fact]
    public void DeadLetter_MessageToStoppedActor_IsPublishedAndLogged()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        EventFilter.DeadLetter<string>(s => s == "lost").ExpectOne(() =>
            EventFilter.Info(contains: "was not delivered").ExpectOne(() => actor.Tell("lost")));
    }

    [Fact]
    public void DeadLetter_SuppressedMessage_IsPublishedAsSuppressed()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Sys.EventStream.Subscribe(TestActor, typeof(AllDeadLetters));

        actor.Tell(PoisonPill.Instance);

        Assert.IsType<SuppressedDeadLetter>(ExpectMsg<AllDeadLetters>());
    }

    [Fact]
    public void DeadLetters_AreCountedByTheMeter()
    {
        long counted = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "LithairAkka.Actors" && instrument.Name == "lithairakka.actors.dead_letters")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "system" && Equals(tag.Value, Sys.Name))
                {
                    Interlocked.Add(ref counted, value);
                }
            }
        });
        listener.Start();

        Sys.DeadLetters.Tell("one");
        Sys.DeadLetters.Tell("two");

        Assert.Equal(2, Interlocked.Read(ref counted));
    }

    [Fact]
    public void DeadLetters_DirectTell_IsPublished()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));

        Sys.DeadLetters.Tell("direct");

        var deadLetter = ExpectMsg<DeadLetter>();
        Assert.Equal("direct", deadLetter.Message);
        Assert.Equal(TestActor, deadLetter.Sender);
    }
}
