using LithairAkka.Persistence.Tests.Spec;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary>Snapshots, recovery bounds, deletion and rejection.</summary>
public abstract partial class PersistentActorSpec
{
    [SpecFact]
    public void SaveSnapshot_ThenMoreEvents_RecoversFromTheSnapshotAndTheLaterEvents()
    {
        var (actor, _) = Start(Pid);
        PersistEach(actor, "a", "b", "c");
        actor.Tell(new SpecActor.TakeSnapshot(), TestActor);
        ExpectMsg<SaveSnapshotSuccess>(s => s.Metadata.SequenceNr == 3 && s.Metadata.PersistenceId == Pid);
        PersistEach(actor, "d", "e");
        Stop(actor);

        Sys.ActorOf(LithairAkka.Actors.Props.Create(() => new SpecActor(Pid, TestActor, null)));

        var offered = ExpectMsg<SpecActor.Offered>();
        Assert.Equal(3, offered.SequenceNr);
        Assert.Equal(["a", "b", "c"], offered.State);
        var recovered = ExpectMsg<SpecActor.Recovered>();
        Assert.Equal(["a", "b", "c", "d", "e"], recovered.State);
        Assert.Equal(5, recovered.LastSequenceNr);
    }

    [SpecFact]
    public void SaveSnapshot_Unserializable_AnswersFailure()
    {
        var (actor, _) = Start(Pid);
        PersistEach(actor, "a");

        actor.Tell(new SpecActor.TakeUnserializableSnapshot(), TestActor);

        ExpectMsg<SaveSnapshotFailure>(f => f.Metadata.SequenceNr == 1);
    }

    [SpecFact]
    public void Recovery_ToSequenceNr_ReplaysUpToItButContinuesAboveTheHighest()
    {
        var (actor, _) = Start(Pid);
        PersistEach(actor, "a", "b", "c", "d");
        Stop(actor);

        var (bounded, recovered) = Start(Pid, new Recovery(SnapshotSelectionCriteria.Latest, ToSequenceNr: 2));

        Assert.Equal(["a", "b"], recovered.State);
        Assert.Equal(4, recovered.LastSequenceNr);
        PersistEach(bounded, "e");
        Stop(bounded);
        Assert.Equal(["a", "b", "c", "d", "e"], Start(Pid).Recovered.State);
    }

    [SpecFact]
    public void Recovery_None_StartsEmptyAndContinuesTheSequence()
    {
        var (actor, _) = Start(Pid);
        PersistEach(actor, "a", "b", "c");
        Stop(actor);

        var (fresh, recovered) = Start(Pid, Recovery.None);
        Assert.Empty(recovered.State);
        Assert.Equal(3, recovered.LastSequenceNr);
        fresh.Tell(new SpecActor.Cmd("d"), TestActor);
        Assert.Equal(4, ExpectMsg<SpecActor.Done>().LastSequenceNr);
        Stop(fresh);

        Assert.Equal(["a", "b", "c", "d"], Start(Pid).Recovered.State);
    }

    [SpecFact]
    public void Recovery_ManyEvents_ReplaysAllInOrder()
    {
        var (actor, _) = Start(Pid);
        var events = Enumerable.Range(1, 1500).Select(i => "e" + i).ToArray();
        actor.Tell(new SpecActor.CmdAll(events), TestActor);
        for (var i = 0; i < events.Length; i++)
        {
            ExpectMsg<SpecActor.Done>();
        }

        Stop(actor);

        var recovered = Start(Pid).Recovered;
        Assert.Equal(events, recovered.State);
        Assert.Equal(1500, recovered.LastSequenceNr);
    }

    [SpecFact]
    public void DeleteMessages_ThenRestart_RecoversOnlyTheLaterEvents()
    {
        var (actor, _) = Start(Pid);
        PersistEach(actor, "a", "b", "c");
        actor.Tell(new SpecActor.DeleteUpTo(2), TestActor);
        ExpectMsg<DeleteMessagesSuccess>(s => s.ToSequenceNr == 2);
        Stop(actor);

        var (again, recovered) = Start(Pid);
        Assert.Equal(["c"], recovered.State);
        Assert.Equal(3, recovered.LastSequenceNr);
        again.Tell(new SpecActor.Cmd("d"), TestActor);
        Assert.Equal(4, ExpectMsg<SpecActor.Done>().LastSequenceNr);
    }

    [SpecFact]
    public void DeleteMessages_AllThenRestart_KeepsTheSequence()
    {
        var (actor, _) = Start(Pid);
        PersistEach(actor, "a", "b");
        actor.Tell(new SpecActor.DeleteUpTo(long.MaxValue), TestActor);
        ExpectMsg<DeleteMessagesSuccess>(s => s.ToSequenceNr == 2);
        Stop(actor);

        var recovered = Start(Pid).Recovered;

        Assert.Empty(recovered.State);
        Assert.Equal(2, recovered.LastSequenceNr);
    }

    [SpecFact]
    public void DeleteMessages_BeyondLastSequenceNr_AnswersFailure()
    {
        var (actor, _) = Start(Pid);
        PersistEach(actor, "a");

        actor.Tell(new SpecActor.DeleteUpTo(5), TestActor);

        ExpectMsg<DeleteMessagesFailure>(f => f.ToSequenceNr == 5);
    }

    [SpecFact]
    public void Persist_UnserializableEvent_IsRejectedAndTheActorContinues()
    {
        var (actor, _) = Start(Pid);
        PersistEach(actor, "a");

        actor.Tell(new SpecActor.CmdUnserializable(), TestActor);
        ExpectMsg<SpecActor.Rejected>(r => r.SequenceNr == 2);
        actor.Tell(new SpecActor.Cmd("c"), TestActor);

        var done = ExpectMsg<SpecActor.Done>();
        Assert.Equal(["a", "c"], done.State);
        Assert.Equal(3, done.LastSequenceNr);
        Stop(actor);
        var recovered = Start(Pid).Recovered;
        Assert.Equal(["a", "c"], recovered.State);
        Assert.Equal(3, recovered.LastSequenceNr);
    }
}
