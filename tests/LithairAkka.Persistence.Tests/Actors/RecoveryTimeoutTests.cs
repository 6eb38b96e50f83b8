using LithairAkka.Actors;
using LithairAkka.Persistence.Tests.Support;
using LithairAkka.TestKit;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary><c>recovery-event-timeout</c> on a fake clock: a recovery whose journal never answers fails and stops the actor.</summary>
public class RecoveryTimeoutTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private readonly FakeTimeProvider _time;
    private readonly JournalGate _gate;

    public RecoveryTimeoutTests(ITestOutputHelper output)
        : this(new FakeTimeProvider(), JournalGate.Create(), output)
    {
    }

    private RecoveryTimeoutTests(FakeTimeProvider time, JournalGate gate, ITestOutputHelper output)
        : base(
            FaultyConfig.Create(journal: $"gate = \"{gate.Id}\"\nrecovery-event-timeout = 2s"),
            ActorSystemSetup.Empty.WithTimeProvider(time),
            output)
    {
        _time = time;
        _gate = gate;
    }

    [Fact]
    public void Recovery_JournalNeverAnswers_FailsWithTimeoutAndStops()
    {
        _gate.HoldReplays = true;
        var actor = Sys.ActorOf(Props.Create(() => new ProbeActor("timeout-1", TestActor, null)));
        Watch(actor);
        AwaitCondition(() => _gate.ActiveReplays == 1);

        ProbeActor.RecoveryFailed? failed = null;
        for (var i = 0; i < 100 && failed is null; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            failed = ReceiveOne(TimeSpan.FromMilliseconds(100)) as ProbeActor.RecoveryFailed;
        }

        Assert.NotNull(failed);
        Assert.IsType<RecoveryTimedOutException>(failed.Reason);
        ExpectTerminated(actor);
        _gate.ReleaseReplays();
    }

    [Fact]
    public void Recovery_JournalAnswersInTime_TimerDoesNotFire()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ProbeActor("timeout-2", TestActor, null)));
        ExpectMsg<ProbeActor.Recovered>();

        _time.Advance(TimeSpan.FromSeconds(10));
        actor.Tell("a", TestActor);

        ExpectMsg("a");
    }
}
