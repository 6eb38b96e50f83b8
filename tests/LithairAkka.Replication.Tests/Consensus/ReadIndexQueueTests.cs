using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

public class ReadIndexQueueTests
{
    private static readonly Configuration Three = Configuration.OfVoters(new NodeId(1), new NodeId(2), new NodeId(3));

    [Fact]
    public void TakeConfirmed_NeedsMajorityAckOfTheReadsRoundOrLater()
    {
        var queue = new ReadIndexQueue();
        Assert.True(queue.Add(100, new NodeId(1), 5));
        Assert.Empty(queue.TakeConfirmed(Three, new NodeId(1)));

        queue.Acknowledge(new NodeId(2), 0);
        Assert.Empty(queue.TakeConfirmed(Three, new NodeId(1)));

        queue.Acknowledge(new NodeId(3), 1);
        var confirmed = Assert.Single(queue.TakeConfirmed(Three, new NodeId(1)));
        Assert.Equal(100, confirmed.RequestId);
        Assert.Equal(5, confirmed.Index);
    }

    [Fact]
    public void Add_WhileRoundOpen_SharesTheRound()
    {
        var queue = new ReadIndexQueue();
        Assert.True(queue.Add(1, new NodeId(1), 5));
        Assert.False(queue.Add(2, new NodeId(1), 5));

        queue.CloseRound();
        Assert.True(queue.Add(3, new NodeId(1), 6));

        queue.Acknowledge(new NodeId(2), 1);
        Assert.Equal(2, queue.TakeConfirmed(Three, new NodeId(1)).Count);
        Assert.Equal(1, queue.Count);
    }
}
