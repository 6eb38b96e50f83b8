using LithairAkka.Actors;
using LithairAkka.Persistence.Tests.Spec;

namespace LithairAkka.Persistence.Tests.Journal;

/// <summary>Deletion and the highest sequence number.</summary>
public abstract partial class JournalSpec
{
    [SpecFact]
    public void DeleteMessagesTo_Range_IsNeverReplayedAgain()
    {
        Journal.Tell(new DeleteMessagesTo(Pid, 3, Receiver.Ref));
        Receiver.ExpectMsg<DeleteMessagesSuccess>(m => m.ToSequenceNr == 3);

        AssertEvents(Replay(1, long.MaxValue, long.MaxValue, Pid, 5), Pid, 4, 5);
    }

    [SpecFact]
    public void DeleteMessagesTo_Range_KeepsHighestSequenceNr()
    {
        Journal.Tell(new DeleteMessagesTo(Pid, 3, Receiver.Ref));
        Receiver.ExpectMsg<DeleteMessagesSuccess>();

        AssertEvents(Replay(0, long.MaxValue, long.MaxValue, Pid, 5), Pid, 4, 5);
    }

    [SpecFact]
    public void DeleteMessagesTo_Everything_KeepsHighestSequenceNr()
    {
        Journal.Tell(new DeleteMessagesTo(Pid, long.MaxValue, Receiver.Ref));
        Receiver.ExpectMsg<DeleteMessagesSuccess>(m => m.ToSequenceNr == long.MaxValue);

        Assert.Empty(Replay(0, long.MaxValue, long.MaxValue, Pid, 5));
    }

    [SpecFact]
    public void DeleteMessagesTo_Everything_LetsNewEventsContinueAboveTheHighest()
    {
        Journal.Tell(new DeleteMessagesTo(Pid, 5, Receiver.Ref));
        Receiver.ExpectMsg<DeleteMessagesSuccess>();

        WriteEvents(6, 8, Pid);

        AssertEvents(Replay(1, long.MaxValue, long.MaxValue, Pid, 8), Pid, 6, 7, 8);
    }

    [SpecFact]
    public void DeleteMessagesTo_Twice_IsIdempotent()
    {
        Journal.Tell(new DeleteMessagesTo(Pid, 2, Receiver.Ref));
        Receiver.ExpectMsg<DeleteMessagesSuccess>();
        Journal.Tell(new DeleteMessagesTo(Pid, 4, Receiver.Ref));
        Receiver.ExpectMsg<DeleteMessagesSuccess>();
        Journal.Tell(new DeleteMessagesTo(Pid, 3, Receiver.Ref));
        Receiver.ExpectMsg<DeleteMessagesSuccess>();

        AssertEvents(Replay(1, long.MaxValue, long.MaxValue, Pid, 5), Pid, 5);
    }

    [SpecFact]
    public void DeleteMessagesTo_UnknownPersistenceId_Succeeds()
    {
        Journal.Tell(new DeleteMessagesTo(NewPid("none"), 10, Receiver.Ref));

        Receiver.ExpectMsg<DeleteMessagesSuccess>(m => m.ToSequenceNr == 10);
    }
}
