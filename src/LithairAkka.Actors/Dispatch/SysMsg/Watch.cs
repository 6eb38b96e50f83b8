namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>Sent to <paramref name="Watchee"/>: <paramref name="Watcher"/> wants a <see cref="DeathWatchNotification"/> when it stops.</summary>
/// <param name="Watchee">The watched actor.</param>
/// <param name="Watcher">The watching actor.</param>
public sealed record Watch(IInternalActorRef Watchee, IInternalActorRef Watcher) : ISystemMessage;
