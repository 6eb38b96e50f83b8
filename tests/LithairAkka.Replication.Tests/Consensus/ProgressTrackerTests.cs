using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

public class ProgressTrackerTests
{
    private static readonly NodeId Self = new(1);

    [Fact]
    public void QuorumMatchIndex_IsMedianOfVotersIgnoringLearners()
    {
        var configuration = new Configuration([new NodeId(1), new NodeId(2), new NodeId(3)], [new NodeId(4)]);
        var tracker = new ProgressTracker(Self, configuration, 10, 4);
        tracker.Get(new NodeId(1))!.SetSelfMatch(10);
        tracker.Get(new NodeId(2))!.MaybeUpdate(7);
        tracker.Get(new NodeId(3))!.MaybeUpdate(3);
        tracker.Get(new NodeId(4))!.MaybeUpdate(10);

        Assert.Equal(7, tracker.QuorumMatchIndex());
    }

    [Fact]
    public void QuorumActive_CountsSelfAndRecentVotersOnly()
    {
        var configuration = new Configuration([new NodeId(1), new NodeId(2), new NodeId(3)], [new NodeId(4)]);
        var tracker = new ProgressTracker(Self, configuration, 10, 4);
        tracker.Get(new NodeId(4))!.RecentActive = true;
        Assert.False(tracker.QuorumActive());

        tracker.Get(new NodeId(3))!.RecentActive = true;
        Assert.True(tracker.QuorumActive());

        tracker.ResetRecentActive();
        Assert.False(tracker.QuorumActive());
    }

    [Fact]
    public void Apply_AddsAndRemovesMembers()
    {
        var tracker = new ProgressTracker(Self, Configuration.OfVoters(new NodeId(1), new NodeId(2)), 10, 4);

        tracker.Apply(new Configuration([new NodeId(1)], [new NodeId(3)]), 12);

        Assert.Null(tracker.Get(new NodeId(2)));
        Assert.Equal(13, tracker.Get(new NodeId(3))!.Next);
        Assert.True(tracker.Get(new NodeId(3))!.IsLearner);
    }
}
