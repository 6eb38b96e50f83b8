using LithairAkka.Actors;
using LithairAkka.Persistence.Tests.Spec;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary>
/// The persistent actor of the contract suites: its state is the list of string events it persisted, it answers
/// each command to its sender and reports recovery to a monitor.
/// </summary>
public sealed class SpecActor : ReceivePersistentActor
{
    private readonly string _persistenceId;
    private readonly Recovery? _recovery;
    private readonly IActorRef _monitor;
    private readonly List<string> _state = [];
    private IActorRef _requester = ActorRefs.Nobody;
    private bool _holding;

    public SpecActor(string persistenceId, IActorRef monitor, Recovery? recovery = null)
    {
        _persistenceId = persistenceId;
        _monitor = monitor;
        _recovery = recovery;

        Recover<SnapshotOffer>(offer =>
        {
            _state.Clear();
            _state.AddRange((string[])offer.Snapshot);
            _monitor.Tell(new Offered(offer.Metadata.SequenceNr, [.. _state]));
        });
        Recover<string>(_state.Add);
        Recover<RecoveryCompleted>(_ => _monitor.Tell(new Recovered([.. _state], LastSequenceNr)));

        Command<Cmd>(c =>
        {
            if (_holding)
            {
                Stash.Stash();
                return;
            }

            Persist(c.Data, Apply);
        });
        Command<CmdAll>(c => PersistAll(c.Data, Apply));
        Command<CmdAsync>(c =>
        {
            PersistAsync(c.Data, Apply);
            Sender.Tell(new Ack(c.Data));
        });
        Command<CmdDefer>(c =>
        {
            PersistAsync(c.Data, Apply);
            DeferAsync("deferred-" + c.Data, d => Sender.Tell(new Deferred(d)));
        });
        Command<CmdUnserializable>(_ => Persist(new UnserializableEvent(typeof(int)), _ => Sender.Tell("must not run")));
        Command<GetState>(_ => Sender.Tell(new State([.. _state], LastSequenceNr)));
        Command<TakeSnapshot>(_ =>
        {
            _requester = Sender;
            SaveSnapshot(_state.ToArray());
        });
        Command<TakeUnserializableSnapshot>(_ =>
        {
            _requester = Sender;
            SaveSnapshot(new UnserializableEvent(typeof(int)));
        });
        Command<DeleteUpTo>(d =>
        {
            _requester = Sender;
            DeleteMessages(d.ToSequenceNr);
        });
        Command<SaveSnapshotSuccess>(s => _requester.Tell(s));
        Command<SaveSnapshotFailure>(s => _requester.Tell(s));
        Command<DeleteMessagesSuccess>(s => _requester.Tell(s));
        Command<DeleteMessagesFailure>(s => _requester.Tell(s));
        Command<Hold>(_ => _holding = true);
        Command<Release>(_ =>
        {
            _holding = false;
            Stash.UnstashAll();
        });
    }

    public override string PersistenceId => _persistenceId;

    public override Recovery Recovery => _recovery ?? base.Recovery;

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        _monitor.Tell(new Rejected(sequenceNr));
    }

    private void Apply(string @event)
    {
        _state.Add(@event);
        Sender.Tell(new Done(@event, [.. _state], LastSequenceNr));
    }

    public sealed record Cmd(string Data);

    public sealed record CmdAll(string[] Data);

    public sealed record CmdAsync(string Data);

    public sealed record CmdDefer(string Data);

    public sealed record CmdUnserializable;

    public sealed record GetState;

    public sealed record TakeSnapshot;

    public sealed record TakeUnserializableSnapshot;

    public sealed record DeleteUpTo(long ToSequenceNr);

    public sealed record Hold;

    public sealed record Release;

    public sealed record Ack(string Data);

    public sealed record Deferred(string Data);

    public sealed record Rejected(long SequenceNr);

    public sealed record Done(string Event, string[] State, long LastSequenceNr);

    public sealed record State(string[] Events, long LastSequenceNr);

    public sealed record Offered(long SequenceNr, string[] State);

    public sealed record Recovered(string[] State, long LastSequenceNr);
}
