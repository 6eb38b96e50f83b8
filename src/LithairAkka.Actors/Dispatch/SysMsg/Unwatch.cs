namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>Sent to <paramref name="Watchee"/>: <paramref name="Watcher"/> no longer watches it.</summary>
/// <param name="Watchee">The watched actor.</param>
/// <param name="Watcher">The watching actor.</param>
public sealed record Unwatch(IInternalActorRef Watchee, IInternalActorRef Watcher) : ISystemMessage;
