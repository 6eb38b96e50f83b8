namespace LithairAkka.Remote.Tests.FailureDetection;

public sealed class HeartbeatHistoryTests
{
    [Fact]
    public void Add_Intervals_ComputesMeanAndStdDeviation()
    {
        var history = new HeartbeatHistory(10);
        foreach (var x in new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 })
        {
            history.Add(x);
        }

        Assert.Equal(8, history.Count);
        Assert.Equal(5.0, history.Mean, 9);
        Assert.Equal(4.0, history.Variance, 9);
        Assert.Equal(2.0, history.StdDeviation, 9);
    }

    [Fact]
    public void Add_BeyondMaxSampleSize_DropsOldest()
    {
        var history = new HeartbeatHistory(3);
        foreach (var x in new[] { 100.0, 1, 2, 3 })
        {
            history.Add(x);
        }

        Assert.Equal(3, history.Count);
        Assert.Equal(2.0, history.Mean, 9);
    }

    [Fact]
    public void Add_ManyWindows_DoesNotDrift()
    {
        var history = new HeartbeatHistory(7);
        for (var i = 0; i < 100_000; i++)
        {
            history.Add(1000.0 + (i % 7 * 0.1));
        }

        Assert.Equal(1000.3, history.Mean, 6);
        Assert.Equal(0.2, history.StdDeviation, 6);
    }

    [Fact]
    public void Empty_History_HasZeroMean() => Assert.Equal(0.0, new HeartbeatHistory(5).Mean);
}
