using LithairAkka.Actors;
using LithairAkka.Persistence.Journal;
using LithairAkka.Persistence.Tests.Spec;

namespace LithairAkka.Persistence.Tests.Journal;

/// <summary>Writes: atomicity, rejection, failure isolation, concurrency, answers.</summary>
public abstract partial class JournalSpec
{
    [SpecFact]
    public void Write_UnserializablePayload_IsRejectedAndTheOtherWritesStored()
    {
        if (!SupportsRejectingNonSerializableObjects)
        {
            return;
        }

        var probe = CreateTestProbe();
        var bad = new Persistent(new UnserializableEvent(typeof(string)), 7, Pid, string.Empty, false, null, WriterGuid);
        Journal.Tell(new WriteMessages([new AtomicWrite(Event(6, Pid)), new AtomicWrite(bad), new AtomicWrite(Event(8, Pid))], probe.Ref, ActorInstanceId));

        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 6);
        probe.ExpectMsg<WriteMessageRejected>(m => m.Persistent.SequenceNr == 7 && m.ActorInstanceId == ActorInstanceId);
        probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 8);
        AssertEvents(Replay(1, long.MaxValue, long.MaxValue, Pid, 8), Pid, 1, 2, 3, 4, 5, 6, 8);
    }

    [SpecFact]
    public void Write_AtomicWriteWithOneUnserializableEvent_StoresNoneOfIt()
    {
        if (!SupportsRejectingNonSerializableObjects)
        {
            return;
        }

        var probe = CreateTestProbe();
        var bad = new Persistent(new UnserializableEvent(typeof(int)), 7, Pid, string.Empty, false, null, WriterGuid);
        Journal.Tell(new WriteMessages([new AtomicWrite([Event(6, Pid), bad])], probe.Ref, ActorInstanceId));

        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageRejected>(m => m.Persistent.SequenceNr == 6);
        probe.ExpectMsg<WriteMessageRejected>(m => m.Persistent.SequenceNr == 7);
        AssertEvents(Replay(1, long.MaxValue, long.MaxValue, Pid, 5), Pid, 1, 2, 3, 4, 5);
    }

    [SpecFact]
    public void Write_ExistingSequenceNr_FailsThatRequestOnly()
    {
        var failing = CreateTestProbe();
        var healthy = CreateTestProbe();
        var other = NewPid("other");

        Journal.Tell(new WriteMessages([new AtomicWrite([Event(5, Pid), Event(6, Pid)])], failing.Ref, ActorInstanceId));
        Journal.Tell(new WriteMessages([new AtomicWrite(Event(1, other))], healthy.Ref, ActorInstanceId));

        failing.ExpectMsg<WriteMessagesFailed>(m => m.WriteCount == 2);
        failing.ExpectMsg<WriteMessageFailure>(m => m.Persistent.SequenceNr == 5);
        failing.ExpectMsg<WriteMessageFailure>(m => m.Persistent.SequenceNr == 6);
        healthy.ExpectMsg<WriteMessagesSuccessful>();
        healthy.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.PersistenceId == other);
        AssertEvents(Replay(1, long.MaxValue, long.MaxValue, Pid, 5), Pid, 1, 2, 3, 4, 5);
        WriteEvents(6, 7, Pid);
    }

    [SpecFact]
    public void Write_ConcurrentWritersOfDifferentPersistenceIds_StoreEveryStreamInOrder()
    {
        const int Writers = 8;
        const int EventsPerWriter = 40;
        var writers = Enumerable.Range(0, Writers).Select(i => (Pid: NewPid("w" + i), Probe: CreateTestProbe())).ToArray();
        for (var n = 1; n <= EventsPerWriter; n++)
        {
            foreach (var (pid, probe) in writers)
            {
                Journal.Tell(new WriteMessages([new AtomicWrite(Event(n, pid))], probe.Ref, ActorInstanceId));
            }
        }

        foreach (var (pid, probe) in writers)
        {
            for (var n = 1; n <= EventsPerWriter; n++)
            {
                probe.ExpectMsg<WriteMessagesSuccessful>();
                var expected = n;
                probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == expected && m.Persistent.PersistenceId == pid);
            }
        }

        foreach (var (pid, _) in writers)
        {
            AssertEvents(Replay(1, long.MaxValue, long.MaxValue, pid, EventsPerWriter), pid, Enumerable.Range(1, EventsPerWriter).Select(i => (long)i).ToArray());
        }
    }

    [SpecFact]
    public void Write_Answers_CarryTheEventsSenderAndLoopMessagesKeepTheirPlace()
    {
        var probe = CreateTestProbe();
        var commandSender = CreateTestProbe();
        Journal.Tell(new WriteMessages(
            [new AtomicWrite(Event(6, Pid, commandSender.Ref)), new NonPersistentMessage("looped", commandSender.Ref), new AtomicWrite(Event(7, Pid))],
            probe.Ref,
            ActorInstanceId));

        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 6);
        Assert.Equal(commandSender.Ref, probe.LastSender);
        probe.ExpectMsg<LoopMessageSuccess>(m => (string)m.Message == "looped" && m.ActorInstanceId == ActorInstanceId);
        Assert.Equal(commandSender.Ref, probe.LastSender);
        probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 7);
    }

    [SpecFact]
    public void Write_StructuredPayload_ReplaysAnEqualPayloadWithManifest()
    {
        var probe = CreateTestProbe();
        var payload = new SpecEvent("name", 42, ["x", "y"]);
        Journal.Tell(new WriteMessages([new AtomicWrite(new Persistent(payload, 6, Pid, string.Empty, false, null, WriterGuid))], probe.Ref, ActorInstanceId));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>();

        var replayed = Replay(6, 6, 1, Pid, 6).Single();

        Assert.Equal(payload, replayed.Payload);
        Assert.False(string.IsNullOrEmpty(replayed.Manifest));
    }

    [SpecFact]
    public void Write_TaggedPayload_StoresAndReplaysTheInnerPayload()
    {
        var probe = CreateTestProbe();
        var tagged = new Tagged("a-6", ["blue", "green"]);
        Journal.Tell(new WriteMessages([new AtomicWrite(new Persistent(tagged, 6, Pid, string.Empty, false, null, WriterGuid))], probe.Ref, ActorInstanceId));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>(m => ReferenceEquals(m.Persistent.Payload, tagged));

        AssertEvents(Replay(6, 6, 1, Pid, 6), Pid, 6);
    }

    [SpecFact]
    public void Write_ManyAtomicWritesInOneRequest_AreAnsweredInOrder()
    {
        var probe = CreateTestProbe();
        var writes = Enumerable.Range(6, 300).Select(i => (IPersistentEnvelope)new AtomicWrite(Event(i, Pid))).ToList();
        Journal.Tell(new WriteMessages(writes, probe.Ref, ActorInstanceId));

        probe.ExpectMsg<WriteMessagesSuccessful>();
        for (var i = 6; i < 306; i++)
        {
            var n = i;
            probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == n);
        }

        Assert.Equal(305, Replay(1, long.MaxValue, long.MaxValue, Pid, 305).Count);
    }
}
