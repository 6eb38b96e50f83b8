namespace LithairAkka.Remote.Tests.DeathWatch;

public sealed class HeartbeatHistoryTests
{
    [Fact]
    public void Add_Samples_GivesMeanAndDeviation()
    {
        var history = new HeartbeatHistory(10);

        foreach (var sample in new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 })
        {
            history.Add(sample);
        }

        Assert.Equal(8, history.Count);
        Assert.Equal(5, history.Mean, 6);
        Assert.Equal(2, history.StdDeviation, 6);
    }

    [Fact]
    public void Add_BeyondMaxSampleSize_ForgetsTheOldest()
    {
        var history = new HeartbeatHistory(2);

        history.Add(100);
        history.Add(10);
        history.Add(20);

        Assert.Equal(2, history.Count);
        Assert.Equal(15, history.Mean, 6);
    }

    [Fact]
    public void Mean_Empty_IsZero() => Assert.Equal(0, new HeartbeatHistory(1).Mean);
}
