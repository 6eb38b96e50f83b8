using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Tests.Spec;
using LithairAkka.TestKit;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Journal;

/// <summary>
/// The journal contract (Akka's persistence TCK idea), run against the default journal plugin of the configuration
/// a subclass passes. Every test starts with events 1..5 of <see cref="PluginSpec.Pid"/> written (4 and 5 in one
/// atomic write) and talks to the plugin through its journal actor, as persistent actors do.
/// </summary>
public abstract partial class JournalSpec : PluginSpec
{
    protected const int ActorInstanceId = 1;

    protected JournalSpec(Config config, ITestOutputHelper? output)
        : base(config, output)
    {
        Receiver = CreateTestProbe();
        WriteEvents(1, 5, Pid);
    }

    /// <summary>False for a plugin that stores non-serializable payloads (it cannot reject them).</summary>
    protected virtual bool SupportsRejectingNonSerializableObjects => true;

    /// <summary>The journal actor of the default plugin.</summary>
    protected IActorRef Journal => Extension.JournalFor(null);

    /// <summary>Receives replays and deletion answers.</summary>
    protected TestProbe Receiver { get; }

    /// <summary>An event with payload <c>"a-{sequenceNr}"</c>.</summary>
    protected Persistent Event(long sequenceNr, string pid, IActorRef? sender = null) =>
        new("a-" + sequenceNr, sequenceNr, pid, string.Empty, false, sender, WriterGuid);

    /// <summary>Writes events <paramref name="from"/>..<paramref name="to"/> of <paramref name="pid"/> (the last two in one atomic write) and checks the answers.</summary>
    protected void WriteEvents(int from, int to, string pid)
    {
        var writes = new List<IPersistentEnvelope>();
        for (var i = from; i <= to; i++)
        {
            if (i == to - 1)
            {
                writes.Add(new AtomicWrite([Event(i, pid), Event(i + 1, pid)]));
                break;
            }

            writes.Add(new AtomicWrite(Event(i, pid)));
        }

        var probe = CreateTestProbe();
        Journal.Tell(new WriteMessages(writes, probe.Ref, ActorInstanceId), probe.Ref);
        probe.ExpectMsg<WriteMessagesSuccessful>();
        for (var i = from; i <= to; i++)
        {
            var n = i;
            probe.ExpectMsg<WriteMessageSuccess>(m => (string)m.Persistent.Payload == "a-" + n && m.Persistent.SequenceNr == n && m.Persistent.PersistenceId == pid);
        }
    }

    /// <summary>Replays and returns the payloads, checking the final <see cref="RecoverySuccess"/>.</summary>
    protected List<Persistent> Replay(long from, long to, long max, string pid, long expectedHighest)
    {
        Journal.Tell(new ReplayMessages(from, to, max, pid, Receiver.Ref));
        var replayed = new List<Persistent>();
        while (true)
        {
            var message = Receiver.ReceiveOne(TimeSpan.FromSeconds(15));
            switch (message)
            {
                case ReplayedMessage m:
                    replayed.Add(m.Persistent);
                    break;
                case RecoverySuccess s:
                    Assert.Equal(expectedHighest, s.HighestSequenceNr);
                    return replayed;
                default:
                    Assert.Fail($"Unexpected answer to a replay: {message ?? "none within 15 s"}");
                    return replayed;
            }
        }
    }

    /// <summary>Asserts that <paramref name="replayed"/> are the events <paramref name="expected"/> of <paramref name="pid"/>.</summary>
    protected void AssertEvents(IReadOnlyList<Persistent> replayed, string pid, params long[] expected)
    {
        Assert.Equal(expected, replayed.Select(p => p.SequenceNr).ToArray());
        foreach (var p in replayed)
        {
            Assert.Equal("a-" + p.SequenceNr, p.Payload);
            Assert.Equal(pid, p.PersistenceId);
            Assert.False(p.IsDeleted);
            Assert.Equal(WriterGuid, p.WriterGuid);
        }
    }
}
