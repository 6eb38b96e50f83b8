using LithairAkka.Actors;
using LithairAkka.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary>With the journal's writes held: Persist stashes later commands, PersistAsync does not.</summary>
public class EventsourcedStashingTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private readonly JournalGate _gate;

    public EventsourcedStashingTests(ITestOutputHelper output)
        : this(JournalGate.Create(), output)
    {
    }

    private EventsourcedStashingTests(JournalGate gate, ITestOutputHelper output)
        : base(FaultyConfig.Create(journal: $"gate = \"{gate.Id}\""), null, output)
    {
        _gate = gate;
    }

    [Fact]
    public void Persist_WriteInFlight_LaterCommandsWaitForTheHandler()
    {
        var actor = Start();
        _gate.HoldWrites = true;

        actor.Tell(new SpecActor.Cmd("a"), TestActor);
        actor.Tell(new SpecActor.GetState(), TestActor);
        AwaitCondition(() => _gate.WriteCalls.Count == 1);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _gate.ReleaseWrites();

        ExpectMsg<SpecActor.Done>(d => d.Event == "a");
        Assert.Equal(["a"], ExpectMsg<SpecActor.State>().Events);
    }

    [Fact]
    public void PersistAsync_WriteInFlight_LaterCommandsAreHandledAtOnce()
    {
        var actor = Start();
        _gate.HoldWrites = true;

        actor.Tell(new SpecActor.CmdAsync("a"), TestActor);
        ExpectMsg<SpecActor.Ack>(a => a.Data == "a");
        actor.Tell(new SpecActor.GetState(), TestActor);
        Assert.Empty(ExpectMsg<SpecActor.State>().Events);
        _gate.ReleaseWrites();

        ExpectMsg<SpecActor.Done>(d => d.Event == "a");
    }

    [Fact]
    public void PersistAsync_SecondCommandWhileWriting_IsSentAsOneRequestAfterTheFirst()
    {
        var actor = Start();
        _gate.HoldWrites = true;

        actor.Tell(new SpecActor.CmdAsync("a"), TestActor);
        AwaitCondition(() => _gate.WriteCalls.Count == 1);
        actor.Tell(new SpecActor.CmdAsync("b"), TestActor);
        actor.Tell(new SpecActor.CmdAsync("c"), TestActor);
        ExpectMsg<SpecActor.Ack>();
        ExpectMsg<SpecActor.Ack>();
        ExpectMsg<SpecActor.Ack>();
        _gate.ReleaseWrites();

        Assert.Equal(["a", "b", "c"], [.. Enumerable.Range(0, 3).Select(_ => ExpectMsg<SpecActor.Done>().Event)]);
        Assert.Equal([1, 2], _gate.WriteCalls.ToArray());
    }

    private IActorRef Start()
    {
        var actor = Sys.ActorOf(Props.Create(() => new SpecActor("stash-" + Guid.NewGuid().ToString("N")[..8], TestActor, null)));
        ExpectMsg<SpecActor.Recovered>();
        return actor;
    }
}
