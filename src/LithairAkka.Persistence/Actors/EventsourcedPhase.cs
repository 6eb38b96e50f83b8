namespace LithairAkka.Persistence;

/// <summary>Where a persistent actor is in its life; the order matters (everything before <see cref="ProcessingCommands"/> is recovery).</summary>
internal enum EventsourcedPhase
{
    /// <summary>Waiting for a recovery permit; commands are stashed.</summary>
    WaitingForPermit,

    /// <summary>Waiting for the snapshot store; commands are stashed.</summary>
    LoadingSnapshot,

    /// <summary>Receiving replayed events; commands are stashed.</summary>
    Replaying,

    /// <summary>Handling commands.</summary>
    ProcessingCommands,

    /// <summary>Waiting for the journal to confirm events persisted with Persist/PersistAll/Defer; commands are stashed.</summary>
    PersistingEvents,

    /// <summary>Recovery failed and the actor is stopping; everything is stashed and goes to dead letters.</summary>
    Stopped,
}
