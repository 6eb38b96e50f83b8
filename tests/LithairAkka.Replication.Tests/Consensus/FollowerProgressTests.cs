using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

public class FollowerProgressTests
{
    [Fact]
    public void MaybeDecreaseTo_InProbe_UsesHintButNeverGoesBelowMatch()
    {
        var progress = new FollowerProgress(new NodeId(2), 11, 4, false);

        Assert.True(progress.MaybeDecreaseTo(10, 3));
        Assert.Equal(4, progress.Next);
    }

    [Fact]
    public void MaybeDecreaseTo_StaleRefusalInProbe_IsIgnored()
    {
        var progress = new FollowerProgress(new NodeId(2), 11, 4, false);

        Assert.False(progress.MaybeDecreaseTo(7, 3));
        Assert.Equal(11, progress.Next);
    }

    [Fact]
    public void MaybeDecreaseTo_InReplicate_FallsBackToMatchPlusOne()
    {
        var progress = new FollowerProgress(new NodeId(2), 1, 4, false);
        progress.MaybeUpdate(5);
        progress.BecomeReplicate();
        progress.SentEntries(3, 8);

        Assert.False(progress.MaybeDecreaseTo(4, 0));
        Assert.True(progress.MaybeDecreaseTo(6, 0));
        Assert.Equal(6, progress.Next);
    }

    [Fact]
    public void IsPaused_FollowsState()
    {
        var progress = new FollowerProgress(new NodeId(2), 1, 1, false);
        Assert.False(progress.IsPaused);
        progress.SentEntries(0, 0);
        Assert.True(progress.IsPaused);

        progress.BecomeReplicate();
        Assert.False(progress.IsPaused);
        progress.SentEntries(1, 1);
        Assert.True(progress.IsPaused);

        progress.BecomeSnapshot(10);
        Assert.True(progress.IsPaused);
    }

    [Fact]
    public void BecomeProbe_AfterSnapshot_ResumesAfterSnapshotIndex()
    {
        var progress = new FollowerProgress(new NodeId(2), 1, 4, false);
        progress.BecomeSnapshot(10);

        progress.BecomeProbe();

        Assert.Equal(11, progress.Next);
    }

    [Fact]
    public void AbortSnapshot_ResumesFromMatch()
    {
        var progress = new FollowerProgress(new NodeId(2), 1, 4, false);
        progress.MaybeUpdate(3);
        progress.BecomeSnapshot(10);

        progress.AbortSnapshot();

        Assert.Equal(4, progress.Next);
        Assert.Equal(ProgressState.Probe, progress.State);
    }
}
