using LithairAkka.Persistence.Tests.Spec;

namespace LithairAkka.Persistence.Tests.Journal;

/// <summary>Replay ranges, limits and order.</summary>
public abstract partial class JournalSpec
{
    [SpecFact]
    public void Replay_AllMessages_ReturnsAllInOrderAndHighest()
    {
        AssertEvents(Replay(1, long.MaxValue, long.MaxValue, Pid, 5), Pid, 1, 2, 3, 4, 5);
    }

    [SpecFact]
    public void Replay_LowerBound_StartsThere()
    {
        AssertEvents(Replay(3, long.MaxValue, long.MaxValue, Pid, 5), Pid, 3, 4, 5);
    }

    [SpecFact]
    public void Replay_UpperBound_StopsThereAndReportsTrueHighest()
    {
        AssertEvents(Replay(1, 3, long.MaxValue, Pid, 5), Pid, 1, 2, 3);
    }

    [SpecFact]
    public void Replay_CountLimit_StopsAfterMax()
    {
        AssertEvents(Replay(1, long.MaxValue, 3, Pid, 5), Pid, 1, 2, 3);
    }

    [SpecFact]
    public void Replay_LowerAndUpperBound_ReturnsRange()
    {
        AssertEvents(Replay(2, 3, long.MaxValue, Pid, 5), Pid, 2, 3);
    }

    [SpecFact]
    public void Replay_BoundsAndCountLimit_ReturnsFirstMaxOfRange()
    {
        AssertEvents(Replay(2, 5, 2, Pid, 5), Pid, 2, 3);
    }

    [SpecFact]
    public void Replay_LowerEqualsUpper_ReturnsSingle()
    {
        AssertEvents(Replay(2, 2, long.MaxValue, Pid, 5), Pid, 2);
    }

    [SpecFact]
    public void Replay_CountLimitOne_ReturnsSingle()
    {
        AssertEvents(Replay(2, 4, 1, Pid, 5), Pid, 2);
    }

    [SpecFact]
    public void Replay_CountLimitZero_ReturnsNothing()
    {
        Assert.Empty(Replay(2, 4, 0, Pid, 5));
    }

    [SpecFact]
    public void Replay_LowerAboveUpper_ReturnsNothing()
    {
        Assert.Empty(Replay(3, 2, long.MaxValue, Pid, 5));
    }

    [SpecFact]
    public void Replay_UnknownPersistenceId_ReturnsNothingAndHighestZero()
    {
        Assert.Empty(Replay(0, long.MaxValue, long.MaxValue, NewPid("none"), 0));
    }

    [SpecFact]
    public void Replay_FromZero_StartsAtOne()
    {
        AssertEvents(Replay(0, long.MaxValue, long.MaxValue, Pid, 5), Pid, 1, 2, 3, 4, 5);
    }

    [SpecFact]
    public void Replay_ManyWritesOfOneStream_ReturnsThemInSequenceOrder()
    {
        var pid = NewPid("long");
        WriteEvents(1, 2500, pid);

        var replayed = Replay(1, long.MaxValue, long.MaxValue, pid, 2500);

        Assert.Equal(Enumerable.Range(1, 2500).Select(i => (long)i), replayed.Select(p => p.SequenceNr));
        Assert.All(replayed, p => Assert.Equal("a-" + p.SequenceNr, p.Payload));
    }

    [SpecFact]
    public void Replay_ReplayedEvent_HasStoredMetadataAndNoSender()
    {
        var replayed = Replay(1, 1, 1, Pid, 5).Single();

        Assert.Equal(WriterGuid, replayed.WriterGuid);
        Assert.Null(replayed.Sender);
        Assert.True(replayed.Timestamp > 0);
        Assert.Equal(Pid, replayed.PersistenceId);
    }
}
