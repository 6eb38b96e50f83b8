using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class TimerSchedulerTests(ITestOutputHelper output) : FakeTimeTestKit(output)
{
    private sealed record StartSingle(string Key, string Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, string Message, TimeSpan Interval);

    private sealed record BlockThen(ManualResetEventSlim Gate, Action<ITimerScheduler> Then);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef probe)
        {
            Receive<StartSingle>(s => Timers.StartSingleTimer(s.Key, s.Message, s.Delay));
            Receive<StartPeriodic>(p => Timers.StartPeriodicTimer(p.Key, p.Message, p.Interval));
            Receive<BlockThen>(b =>
            {
                probe.Tell("blocked");
                b.Gate.Wait(TimeSpan.FromSeconds(10));
                b.Then(Timers);
                probe.Tell("unblocked");
            });
            Receive<(string Op, string Key)>(m =>
            {
                if (m.Op == "cancel")
                {
                    Timers.Cancel(m.Key);
                }

                Sender.Tell(Timers.IsTimerActive(m.Key));
            });
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("fail"));
            Receive<string>(s => probe.Tell(s));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private IActorRef CreateTimerActor(IActorRef probe) => Sys.ActorOf(Props.Create(() => new TimerActor(probe)));

    private void Sync(IActorRef actor, string key, bool expectedActive)
    {
        actor.Tell(("query", key));
        ExpectMsg(expectedActive);
    }

    [Fact]
    public void SingleTimer_FiresOnceAfterDelay()
    {
        var probe = CreateTestProbe();
        var actor = CreateTimerActor(probe.Ref);
        actor.Tell(new StartSingle("k", "tick", TimeSpan.FromSeconds(5)));
        Sync(actor, "k", true);

        Time.Advance(TimeSpan.FromSeconds(4));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Time.Advance(TimeSpan.FromSeconds(1));
        probe.ExpectMsg("tick");
        Sync(actor, "k", false);
        Time.Advance(TimeSpan.FromSeconds(10));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void PeriodicTimer_FiresEveryInterval_UntilCancelled()
    {
        var probe = CreateTestProbe();
        var actor = CreateTimerActor(probe.Ref);
        actor.Tell(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1)));
        Sync(actor, "p", true);

        Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["tick", "tick", "tick"], probe.ReceiveN(3).Cast<string>());

        actor.Tell(("cancel", "p"));
        ExpectMsg(false);
        Time.Advance(TimeSpan.FromSeconds(3));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void ReplacedTimer_QueuedStaleMessageIsNeverDelivered()
    {
        var probe = CreateTestProbe();
        var actor = CreateTimerActor(probe.Ref);
        actor.Tell(new StartSingle("k", "first", TimeSpan.FromSeconds(1)));
        Sync(actor, "k", true);
        using var gate = new ManualResetEventSlim();
        actor.Tell(new BlockThen(gate, timers => timers.StartSingleTimer("k", "second", TimeSpan.FromSeconds(1))));
        probe.ExpectMsg("blocked");

        // The first timer fires while the actor is busy: its message is queued behind the blocker.
        Time.Advance(TimeSpan.FromSeconds(1));
        gate.Set();
        probe.ExpectMsg("unblocked");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Time.Advance(TimeSpan.FromSeconds(1));
        probe.ExpectMsg("second");
    }

    [Fact]
    public void CancelledTimer_QueuedStaleMessageIsNeverDelivered()
    {
        var probe = CreateTestProbe();
        var actor = CreateTimerActor(probe.Ref);
        actor.Tell(new StartSingle("k", "first", TimeSpan.FromSeconds(1)));
        Sync(actor, "k", true);
        using var gate = new ManualResetEventSlim();
        actor.Tell(new BlockThen(gate, timers => timers.Cancel("k")));
        probe.ExpectMsg("blocked");

        Time.Advance(TimeSpan.FromSeconds(1));
        gate.Set();

        probe.ExpectMsg("unblocked");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Stop_CancelsTimers()
    {
        var probe = CreateTestProbe();
        var baseline = Time.ActiveTimerCount;
        var actor = CreateTimerActor(probe.Ref);
        actor.Tell(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1)));
        Sync(actor, "p", true);
        Assert.Equal(baseline + 1, Time.ActiveTimerCount);
        Watch(actor);

        Sys.Stop(actor);
        ExpectTerminated(actor);

        Assert.Equal(baseline, Time.ActiveTimerCount);
    }

    [Fact]
    public void Restart_CancelsTimersOfTheOldInstance()
    {
        var probe = CreateTestProbe();
        var actor = CreateTimerActor(probe.Ref);
        actor.Tell(new StartSingle("k", "old", TimeSpan.FromSeconds(1)));
        Sync(actor, "k", true);

        actor.Tell("fail");
        Sync(actor, "k", false);
        Time.Advance(TimeSpan.FromSeconds(2));

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
