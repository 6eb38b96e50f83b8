using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Tests.Spec;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary>
/// Persistent actors on the default journal and snapshot store of the configuration a subclass passes: persist and
/// recover, PersistAll, PersistAsync order, defer, stashing during persist, snapshots, recovery bounds, deletion,
/// rejection. <see cref="SpecActor"/> answers the test actor, which also monitors recoveries.
/// </summary>
public abstract partial class PersistentActorSpec : PluginSpec
{
    protected PersistentActorSpec(Config config, ITestOutputHelper? output)
        : base(config, output)
    {
    }

    /// <summary>Starts a <see cref="SpecActor"/> and waits for its recovery.</summary>
    protected (IActorRef Actor, SpecActor.Recovered Recovered) Start(string pid, Recovery? recovery = null)
    {
        var actor = Sys.ActorOf(Props.Create(() => new SpecActor(pid, TestActor, recovery)));
        var recovered = ExpectMsg<SpecActor.Recovered>();
        return (actor, recovered);
    }

    /// <summary>Stops the actor and waits until it is gone, so that the next incarnation does not overlap it.</summary>
    protected void Stop(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Unwatch(actor);
    }

    /// <summary>Persists <paramref name="events"/> one command each and waits for their handlers.</summary>
    protected void PersistEach(IActorRef actor, params string[] events)
    {
        foreach (var e in events)
        {
            actor.Tell(new SpecActor.Cmd(e), TestActor);
        }

        foreach (var e in events)
        {
            ExpectMsg<SpecActor.Done>(d => d.Event == e);
        }
    }

    [SpecFact]
    public void Persist_ThenRestart_RecoversTheEventsInOrder()
    {
        var (actor, recovered) = Start(Pid);
        Assert.Empty(recovered.State);
        Assert.Equal(0, recovered.LastSequenceNr);

        PersistEach(actor, "a", "b", "c");
        Stop(actor);

        var (_, again) = Start(Pid);
        Assert.Equal(["a", "b", "c"], again.State);
        Assert.Equal(3, again.LastSequenceNr);
    }

    [SpecFact]
    public void Persist_Handler_SeesTheConfirmedSequenceNr()
    {
        var (actor, _) = Start(Pid);

        actor.Tell(new SpecActor.Cmd("a"), TestActor);
        actor.Tell(new SpecActor.Cmd("b"), TestActor);

        Assert.Equal(1, ExpectMsg<SpecActor.Done>().LastSequenceNr);
        Assert.Equal(2, ExpectMsg<SpecActor.Done>().LastSequenceNr);
    }

    [SpecFact]
    public void Persist_CommandArrivingWhilePersisting_IsHandledAfterTheHandler()
    {
        var (actor, _) = Start(Pid);

        actor.Tell(new SpecActor.Cmd("a"), TestActor);
        actor.Tell(new SpecActor.GetState(), TestActor);

        ExpectMsg<SpecActor.Done>(d => d.Event == "a");
        var state = ExpectMsg<SpecActor.State>();
        Assert.Equal(["a"], state.Events);
    }

    [SpecFact]
    public void Persist_StashedCommands_AnswerTheirOwnSenders()
    {
        var (actor, _) = Start(Pid);
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var third = CreateTestProbe();

        actor.Tell(new SpecActor.Cmd("a"), first.Ref);
        actor.Tell(new SpecActor.Cmd("b"), second.Ref);
        actor.Tell(new SpecActor.GetState(), third.Ref);

        first.ExpectMsg<SpecActor.Done>(d => d.Event == "a");
        second.ExpectMsg<SpecActor.Done>(d => d.Event == "b" && d.State.SequenceEqual(["a", "b"]));
        third.ExpectMsg<SpecActor.State>(s => s.Events.SequenceEqual(["a", "b"]));
    }

    [SpecFact]
    public void PersistAll_Handlers_RunInOrderAndRecover()
    {
        var (actor, _) = Start(Pid);

        actor.Tell(new SpecActor.CmdAll(["a", "b", "c"]), TestActor);
        actor.Tell(new SpecActor.GetState(), TestActor);

        Assert.Equal(["a", "b", "c"], [.. Enumerable.Range(0, 3).Select(_ => ExpectMsg<SpecActor.Done>().Event)]);
        Assert.Equal(["a", "b", "c"], ExpectMsg<SpecActor.State>().Events);
        Stop(actor);
        Assert.Equal(["a", "b", "c"], Start(Pid).Recovered.State);
    }

    [SpecFact]
    public void PersistAsync_Handlers_RunInPersistOrderAfterTheirAcks()
    {
        var (actor, _) = Start(Pid);

        foreach (var e in new[] { "a", "b", "c" })
        {
            actor.Tell(new SpecActor.CmdAsync(e), TestActor);
        }

        var messages = ReceiveN(6);
        Assert.Equal(["a", "b", "c"], messages.OfType<SpecActor.Done>().Select(d => d.Event));
        Assert.Equal(["a", "b", "c"], messages.OfType<SpecActor.Ack>().Select(a => a.Data));
        foreach (var e in new[] { "a", "b", "c" })
        {
            var ack = messages.ToList().FindIndex(m => m is SpecActor.Ack a && a.Data == e);
            var done = messages.ToList().FindIndex(m => m is SpecActor.Done d && d.Event == e);
            Assert.True(ack < done, $"the ack of {e} must precede its handler");
        }
    }

    [SpecFact]
    public void PersistAsync_MixedWithPersist_HandlersKeepInvocationOrder()
    {
        var (actor, _) = Start(Pid);

        actor.Tell(new SpecActor.CmdAsync("x"), TestActor);
        actor.Tell(new SpecActor.Cmd("y"), TestActor);
        actor.Tell(new SpecActor.CmdAsync("z"), TestActor);

        var done = ReceiveN(5).OfType<SpecActor.Done>().Select(d => d.Event).ToArray();
        Assert.Equal(["x", "y", "z"], done);
        Stop(actor);
        Assert.Equal(["x", "y", "z"], Start(Pid).Recovered.State);
    }

    [SpecFact]
    public void DeferAsync_Handler_RunsAfterThePrecedingPersistHandlers()
    {
        var (actor, _) = Start(Pid);

        actor.Tell(new SpecActor.CmdDefer("a"), TestActor);
        actor.Tell(new SpecActor.CmdDefer("b"), TestActor);

        var messages = ReceiveN(4);
        Assert.Equal(
            ["a", "deferred-a", "b", "deferred-b"],
            messages.Select(m => m switch
            {
                SpecActor.Done d => d.Event,
                SpecActor.Deferred d => d.Data,
                _ => m.ToString(),
            }));
        Stop(actor);
        Assert.Equal(["a", "b"], Start(Pid).Recovered.State);
    }

    [SpecFact]
    public void Stash_HeldCommands_AreHandledInOrderAfterUnstash()
    {
        var (actor, _) = Start(Pid);

        actor.Tell(new SpecActor.Hold(), TestActor);
        actor.Tell(new SpecActor.Cmd("a"), TestActor);
        actor.Tell(new SpecActor.Cmd("b"), TestActor);
        actor.Tell(new SpecActor.GetState(), TestActor);
        Assert.Empty(ExpectMsg<SpecActor.State>().Events);

        actor.Tell(new SpecActor.Release(), TestActor);

        ExpectMsg<SpecActor.Done>(d => d.Event == "a");
        ExpectMsg<SpecActor.Done>(d => d.Event == "b" && d.State.SequenceEqual(["a", "b"]));
    }
}
