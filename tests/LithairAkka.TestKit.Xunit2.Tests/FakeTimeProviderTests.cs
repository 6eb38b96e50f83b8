namespace LithairAkka.TestKit.Xunit2.Tests;

public class FakeTimeProviderTests
{
    [Fact]
    public void Advance_MovesClockAndTimestamp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var start = time.GetTimestamp();

        time.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 1, 30, TimeSpan.Zero), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), time.GetElapsedTime(start));
    }

    [Fact]
    public void Advance_FiresDueTimersInDueOrder_WithClockAtDueTime()
    {
        var time = new FakeTimeProvider();
        var fired = new List<(string, DateTimeOffset)>();
        using var late = time.CreateTimer(_ => fired.Add(("late", time.GetUtcNow())), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add(("early", time.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var never = time.CreateTimer(_ => fired.Add(("never", time.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["early", "late"], fired.Select(f => f.Item1));
        Assert.Equal(time.Start + TimeSpan.FromSeconds(1), fired[0].Item2);
        Assert.Equal(time.Start + TimeSpan.FromSeconds(3), fired[1].Item2);
        Assert.Equal(time.Start + TimeSpan.FromSeconds(5), time.GetUtcNow());
    }

    [Fact]
    public void Advance_SameDueTime_FiresInCreationOrder()
    {
        var time = new FakeTimeProvider();
        var fired = new List<int>();
        var timers = Enumerable.Range(0, 5).Select(i => time.CreateTimer(_ => fired.Add(i), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan)).ToArray();

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([0, 1, 2, 3, 4], fired);
        Array.ForEach(timers, t => t.Dispose());
    }

    [Fact]
    public void PeriodicTimer_FiresEachPeriodWithinOneAdvance()
    {
        var time = new FakeTimeProvider();
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(4.5));

        Assert.Equal(4, count);
    }

    [Fact]
    public void Dispose_And_Change_ControlFiring()
    {
        var time = new FakeTimeProvider();
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        Assert.True(timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, count);
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, count);
        Assert.False(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public void Callback_CreatingTimerDueWithinAdvance_FiresInSameAdvance()
    {
        var time = new FakeTimeProvider();
        var fired = new List<string>();
        ITimer? inner = null;
        using var outer = time.CreateTimer(
            _ =>
            {
                fired.Add("outer");
                inner = time.CreateTimer(_ => fired.Add("inner"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["outer", "inner"], fired);
        inner?.Dispose();
    }

    [Fact]
    public void ZeroDueTime_FiresOnNextAdvance()
    {
        var time = new FakeTimeProvider();
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.Equal(0, count);

        time.Advance(TimeSpan.Zero);

        Assert.Equal(1, count);
    }

    [Fact]
    public void SetUtcNow_Backwards_Throws()
    {
        var time = new FakeTimeProvider();

        Assert.Throws<ArgumentOutOfRangeException>(() => time.SetUtcNow(time.GetUtcNow() - TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task TaskDelay_OnFakeTime_CompletesOnlyWhenAdvanced()
    {
        var time = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromMinutes(1), time);
        Assert.False(delay.IsCompleted);

        time.Advance(TimeSpan.FromMinutes(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Advance_ConcurrentTimerCreation_IsThreadSafe()
    {
        var time = new FakeTimeProvider();
        var fired = 0;
        var timers = new System.Collections.Concurrent.ConcurrentBag<ITimer>();
        Parallel.For(0, 1000, i => timers.Add(time.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMilliseconds(i % 10), Timeout.InfiniteTimeSpan)));

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1000, fired);
        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}
