using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class SchedulerTests(ITestOutputHelper output) : FakeTimeTestKit(output)
{
    [Fact]
    public void ScheduleTellOnce_DeliversAfterDelay()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(10), TestActor, "later", ActorRefs.NoSender);

        Time.Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Time.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("later");
    }

    [Fact]
    public void ScheduleTellRepeatedly_DeliversUntilCancelled()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor, "tick", ActorRefs.NoSender);

        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, ReceiveN(3).Count);
        cancelable.Cancel();
        Time.Advance(TimeSpan.FromSeconds(10));

        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.True(cancelable.IsCancellationRequested);
    }

    [Fact]
    public void Cancel_BeforeDue_PreventsDelivery()
    {
        var cancelable = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "never", ActorRefs.NoSender);

        cancelable.Cancel();
        Time.Advance(TimeSpan.FromSeconds(2));

        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void ScheduleOnce_RunsAction()
    {
        var ran = 0;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => Interlocked.Increment(ref ran));

        Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, Volatile.Read(ref ran));
    }

    [Fact]
    public void ScheduleTellRepeatedly_NonPositiveInterval_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, TestActor, "x", ActorRefs.NoSender));

    [Fact]
    public void Now_FollowsTheTimeProvider()
    {
        var before = Sys.Scheduler.Now;

        Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(before + TimeSpan.FromHours(1), Sys.Scheduler.Now);
    }
}
