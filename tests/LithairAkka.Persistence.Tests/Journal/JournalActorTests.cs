using LithairAkka.Actors;
using LithairAkka.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Journal;

/// <summary>The journal host: batching of concurrent requests into shared plugin calls, and isolation of a failed batch.</summary>
public class JournalActorTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private (IActorRef Journal, JournalGate Gate) StartJournal(int batchSize = 100)
    {
        var gate = JournalGate.Create();
        var system = ActorSystem.Create(
            "journal-actor-" + gate.Id[..8],
            FaultyConfig.Create(journal: $"gate = \"{gate.Id}\"\nwrite-batch-size = {batchSize}\nfail-on = \"fail\""));
        _systems.Add(system);
        return (Persistence.Get(system).JournalFor(null), gate);
    }

    private readonly List<ActorSystem> _systems = [];

    private static WriteMessages Write(string pid, long sequenceNr, IActorRef replyTo, string payload = "x") =>
        new([new AtomicWrite(new Persistent(payload, sequenceNr, pid))], replyTo, 1);

    [Fact]
    public void WriteMessages_ArrivingDuringAWrite_JoinTheNextPluginCall()
    {
        var (journal, gate) = StartJournal();
        gate.HoldWrites = true;
        var first = CreateTestProbe();
        journal.Tell(Write("first", 1, first.Ref));
        AwaitCondition(() => gate.WriteCalls.Count == 1);

        var probes = Enumerable.Range(0, 10).Select(_ => CreateTestProbe()).ToArray();
        for (var i = 0; i < probes.Length; i++)
        {
            journal.Tell(Write("pid-" + i, 1, probes[i].Ref));
        }

        gate.ReleaseWrites();

        first.ExpectMsg<WriteMessagesSuccessful>();
        foreach (var probe in probes)
        {
            probe.ExpectMsg<WriteMessagesSuccessful>();
            probe.ExpectMsg<WriteMessageSuccess>();
        }

        Assert.Equal([1, 10], gate.WriteCalls.ToArray());
    }

    [Fact]
    public void WriteMessages_MoreThanTheBatchSize_AreSplitIntoCallsOfAtMostIt()
    {
        var (journal, gate) = StartJournal(batchSize: 4);
        gate.HoldWrites = true;
        var first = CreateTestProbe();
        journal.Tell(Write("first", 1, first.Ref));
        AwaitCondition(() => gate.WriteCalls.Count == 1);
        var probes = Enumerable.Range(0, 10).Select(_ => CreateTestProbe()).ToArray();
        for (var i = 0; i < probes.Length; i++)
        {
            journal.Tell(Write("pid-" + i, 1, probes[i].Ref));
        }

        gate.ReleaseWrites();

        foreach (var probe in probes)
        {
            probe.ExpectMsg<WriteMessagesSuccessful>();
        }

        Assert.Equal([1, 4, 4, 2], gate.WriteCalls.ToArray());
    }

    [Fact]
    public void WriteMessages_ABatchFails_EachRequestIsRetriedAlone()
    {
        var (journal, gate) = StartJournal();
        gate.HoldWrites = true;
        var first = CreateTestProbe();
        journal.Tell(Write("first", 1, first.Ref));
        AwaitCondition(() => gate.WriteCalls.Count == 1);
        var bad = CreateTestProbe();
        var good = CreateTestProbe();
        journal.Tell(Write("bad", 1, bad.Ref, "fail"));
        journal.Tell(Write("good", 1, good.Ref));

        gate.ReleaseWrites();

        bad.ExpectMsg<WriteMessagesFailed>();
        bad.ExpectMsg<WriteMessageFailure>();
        good.ExpectMsg<WriteMessagesSuccessful>();
        good.ExpectMsg<WriteMessageSuccess>();
        Assert.Equal([1, 2, 1, 1], gate.WriteCalls.ToArray());
    }

    [Fact]
    public void WriteMessages_TwoRequestsOfOneActor_AreNeverWrittenConcurrently()
    {
        var (journal, gate) = StartJournal();
        gate.HoldWrites = true;
        var actor = CreateTestProbe();
        journal.Tell(Write("same", 1, actor.Ref));
        AwaitCondition(() => gate.WriteCalls.Count == 1);
        journal.Tell(Write("same", 2, actor.Ref));
        journal.Tell(Write("same", 3, actor.Ref));

        gate.ReleaseWrites();

        for (var n = 1; n <= 3; n++)
        {
            actor.ExpectMsg<WriteMessagesSuccessful>();
            var expected = n;
            actor.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == expected);
        }

        Assert.Equal([1, 2], gate.WriteCalls.ToArray());
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var system in _systems)
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }

        base.Dispose(disposing);
    }
}
