using LithairAkka.Actors;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary>
/// An untyped persistent actor for failure and lifecycle tests: string commands are persisted (<c>"crash"</c>
/// throws, <c>"state"</c> answers the state), and it reports recoveries and failures to a monitor.
/// </summary>
public sealed class ProbeActor(string persistenceId, IActorRef monitor, ProbeActor.Options? options = null) : UntypedPersistentActor
{
    private readonly Options _options = options ?? new Options();
    private readonly List<string> _state = [];

    public override string PersistenceId => persistenceId;

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case string e when e == "boom" && _options.ThrowOnBoom:
                throw new InvalidOperationException("cannot apply boom");
            case string e:
                _state.Add(e);
                if (_options.PersistWhileRecovering)
                {
                    Persist("during-recovery", _ => { });
                }

                break;
            case RecoveryCompleted:
                monitor.Tell(new Recovered([.. _state], LastSequenceNr));
                if (_options.PersistOnRecoveryCompleted)
                {
                    Persist("on-completed", e =>
                    {
                        _state.Add(e);
                        monitor.Tell(e);
                    });
                }

                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case "crash":
                throw new InvalidOperationException("crash requested");
            case "state":
                Sender.Tell(string.Join(",", _state));
                break;
            case "become-echo":
                Become(m => Sender.Tell("echo:" + m));
                break;
            case string e:
                Persist(e, persisted =>
                {
                    _state.Add(persisted);
                    Sender.Tell(persisted);
                });
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        monitor.Tell(new PersistFailed(@event, sequenceNr));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        monitor.Tell(new PersistRejected(@event, sequenceNr));
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message)
    {
        monitor.Tell(new RecoveryFailed(reason, message));
        base.OnRecoveryFailure(reason, message);
    }

    public sealed record Options(bool ThrowOnBoom = false, bool PersistWhileRecovering = false, bool PersistOnRecoveryCompleted = false);

    public sealed record Recovered(string[] State, long LastSequenceNr);

    public sealed record PersistFailed(object Event, long SequenceNr);

    public sealed record PersistRejected(object Event, long SequenceNr);

    public sealed record RecoveryFailed(Exception Reason, object? Message);
}
