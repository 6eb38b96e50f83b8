namespace LithairAkka.Actors;

/// <summary>Implement on an actor to get a <see cref="ITimerScheduler"/> injected (usable from the constructor on).</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers; set by the runtime.</summary>
    ITimerScheduler Timers { get; set; }
}
