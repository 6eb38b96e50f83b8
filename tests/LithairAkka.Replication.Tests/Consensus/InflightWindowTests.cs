using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

public class InflightWindowTests
{
    [Fact]
    public void Add_UpToCapacity_BecomesFull()
    {
        var window = new InflightWindow(2);
        window.Add(5);
        window.Add(9);

        Assert.True(window.IsFull);
        Assert.Throws<InvalidOperationException>(() => window.Add(10));
    }

    [Fact]
    public void FreeUpTo_ReleasesAcknowledgedMessagesOnly()
    {
        var window = new InflightWindow(4);
        window.Add(5);
        window.Add(9);
        window.Add(12);

        window.FreeUpTo(9);

        Assert.Equal(1, window.Count);
        window.FreeFirst();
        Assert.Equal(0, window.Count);
    }

    [Fact]
    public void Add_AfterWrapAround_KeepsOrder()
    {
        var window = new InflightWindow(2);
        window.Add(1);
        window.Add(2);
        window.FreeUpTo(1);
        window.Add(3);

        window.FreeUpTo(2);

        Assert.Equal(1, window.Count);
    }
}
