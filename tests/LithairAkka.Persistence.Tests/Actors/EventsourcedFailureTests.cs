using LithairAkka.Actors;
using LithairAkka.Actors.Event;
using LithairAkka.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary>Failure semantics of persistent actors (Akka's): failed writes stop, rejected writes continue, failed recoveries stop.</summary>
public class EventsourcedFailureTests(ITestOutputHelper output)
    : LithairAkka.TestKit.Xunit2.TestKit(
        FaultyConfig.Create(journal: "fail-on = \"fail\"\nreject-on = \"reject\"\nfail-replay-of = \"broken-\"", snapshotStore: ""),
        output)
{
    private IActorRef Start(string pid, ProbeActor.Options? options = null, bool expectRecovery = true)
    {
        var actor = Sys.ActorOf(Props.Create(() => new ProbeActor(pid, TestActor, options)));
        if (expectRecovery)
        {
            ExpectMsg<ProbeActor.Recovered>();
        }

        return actor;
    }

    [Fact]
    public void OnPersistFailure_JournalFailsTheWrite_ActorStops()
    {
        var actor = Start("p-fail");
        Watch(actor);

        actor.Tell("fail-1", TestActor);

        ExpectMsg<ProbeActor.PersistFailed>(f => (string)f.Event == "fail-1" && f.SequenceNr == 1);
        ExpectTerminated(actor);
    }

    [Fact]
    public void OnPersistFailure_CommandsStashedMeanwhile_GoToDeadLetters()
    {
        var actor = Start("p-fail-stash");
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));

        actor.Tell("fail-1", TestActor);
        actor.Tell("after", TestActor);

        ExpectMsg<ProbeActor.PersistFailed>();
        FishForMessage<DeadLetter>(d => Equals(d.Message, "after"));
    }

    [Fact]
    public void OnPersistRejected_JournalRejectsTheWrite_ActorContinues()
    {
        var actor = Start("p-reject");

        actor.Tell("a", TestActor);
        ExpectMsg("a");
        actor.Tell("reject-me", TestActor);
        ExpectMsg<ProbeActor.PersistRejected>(r => r.SequenceNr == 2);
        actor.Tell("b", TestActor);
        ExpectMsg("b");
        actor.Tell("state", TestActor);

        ExpectMsg("a,b");
    }

    [Fact]
    public void OnRecoveryFailure_RecoverHandlerThrows_ActorStops()
    {
        var writer = Start("p-boom");
        writer.Tell("boom", TestActor);
        ExpectMsg("boom");
        Watch(writer);
        Sys.Stop(writer);
        ExpectTerminated(writer);

        var actor = Start("p-boom", new ProbeActor.Options(ThrowOnBoom: true), expectRecovery: false);
        Watch(actor);

        var failed = ExpectMsg<ProbeActor.RecoveryFailed>();
        Assert.IsType<InvalidOperationException>(failed.Reason);
        Assert.Equal("boom", failed.Message);
        ExpectTerminated(actor);
    }

    [Fact]
    public void OnRecoveryFailure_ReplayFails_ActorStops()
    {
        var actor = Start("broken-1", expectRecovery: false);
        Watch(actor);

        Assert.IsType<IOException>(ExpectMsg<ProbeActor.RecoveryFailed>().Reason);
        ExpectTerminated(actor);
    }

    [Fact]
    public void OnRecoveryFailure_PersistWhileReplaying_ActorStops()
    {
        var writer = Start("p-persist-replay");
        writer.Tell("a", TestActor);
        ExpectMsg("a");
        Watch(writer);
        Sys.Stop(writer);
        ExpectTerminated(writer);

        var actor = Start("p-persist-replay", new ProbeActor.Options(PersistWhileRecovering: true), expectRecovery: false);
        Watch(actor);

        Assert.IsType<InvalidOperationException>(ExpectMsg<ProbeActor.RecoveryFailed>().Reason);
        ExpectTerminated(actor);
    }

    [Fact]
    public void Persist_FromRecoveryCompleted_IsStored()
    {
        var actor = Start("p-on-completed", new ProbeActor.Options(PersistOnRecoveryCompleted: true));
        ExpectMsg("on-completed");
        actor.Tell("state", TestActor);
        ExpectMsg("on-completed");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        var again = Start("p-on-completed");
        again.Tell("state", TestActor);
        ExpectMsg("on-completed");
    }

    [Fact]
    public void Restart_AfterACommandHandlerThrew_RecoversAndHandlesTheCommandsStashedMeanwhile()
    {
        var actor = Start("p-restart");
        actor.Tell("a", TestActor);
        actor.Tell("crash", TestActor);
        actor.Tell("b", TestActor);

        ExpectMsg("a");
        var recovered = ExpectMsg<ProbeActor.Recovered>();
        Assert.Equal(["a"], recovered.State);
        ExpectMsg("b");
        actor.Tell("state", TestActor);
        ExpectMsg("a,b");
    }
}
