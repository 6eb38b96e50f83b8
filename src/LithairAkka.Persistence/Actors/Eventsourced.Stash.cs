using LithairAkka.Actors;
using LithairAkka.Actors.Dispatch;
using LithairAkka.Actors.Event;

namespace LithairAkka.Persistence;

/// <summary>
/// Stashing. Commands that arrive during recovery or while a persist is in flight go to the internal stash; the
/// user's <see cref="Stash"/> holds what the actor stashed itself. Both are kept in the actor (the runtime's stash
/// keeps one message per turn and cannot hold the same message object twice), and when the actor can handle
/// commands again they are handled at once, in order, before the mailbox, with <see cref="Sender"/> set to their
/// own senders. Unstashed user messages go ahead of the internal stash, as in Akka.
/// </summary>
public abstract partial class Eventsourced
{
    private readonly EnvelopeDeque _internalStash = new();
    private readonly UserStash _userStash;
    private Envelope _current;
    private IActorRef? _inlineSender;

    /// <summary>The actor's own stash: <c>Stash.Stash()</c> keeps the current command, <c>Stash.UnstashAll()</c> hands the kept ones back, ahead of everything else.</summary>
    protected IStash Stash => _userStash;

    /// <summary>
    /// Hands the stashed commands to the next incarnation (they are sent to the actor again: after messages already
    /// in its mailbox), returns the recovery permit, then runs the default (stop children, <see cref="PostStop"/>).
    /// </summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed, or null.</param>
    protected override void PreRestart(Exception reason, object? message)
    {
        var self = Self;
        foreach (var envelope in _userStash.Drain())
        {
            self.Tell(envelope.Message, envelope.Sender);
        }

        foreach (var envelope in _internalStash.Drain())
        {
            self.Tell(envelope.Message, envelope.Sender);
        }

        base.PreRestart(reason, message);
    }

    /// <summary>Sends the stashed commands to dead letters, cancels the recovery timer and returns the recovery permit.</summary>
    protected override void PostStop()
    {
        CancelRecoveryTimer();
        ReturnRecoveryPermit();
        var deadLetters = Context.System.DeadLetters;
        foreach (var envelope in _userStash.Drain().Concat(_internalStash.Drain()))
        {
            var sender = envelope.Sender ?? deadLetters;
            deadLetters.Tell(new DeadLetter(envelope.Message, sender, Self), sender);
        }

        base.PostStop();
    }

    /// <summary>The message being handled with its sender (for <see cref="IStash.Stash"/>).</summary>
    internal Envelope CurrentEnvelope => _current;

    /// <summary>Puts unstashed user messages ahead of everything else.</summary>
    internal void Prepend(IReadOnlyList<Envelope> envelopes) => _internalStash.AddFirstRange(envelopes);

    /// <summary>Handles stashed commands while the actor can: until one persists, or none is left.</summary>
    private void ContinueUnstashing()
    {
        while (_phase == EventsourcedPhase.ProcessingCommands && _internalStash.Count > 0)
        {
            var envelope = _internalStash.RemoveFirst();
            _current = envelope;
            _inlineSender = envelope.Sender ?? Context.System.DeadLetters;
            try
            {
                if (!HandleJournalReply(envelope.Message))
                {
                    ProcessCommand(envelope.Message);
                }
            }
            finally
            {
                _inlineSender = null;
            }
        }
    }
}
