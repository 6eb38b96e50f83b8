namespace LithairAkka.Actors;

/// <summary>
/// Sends messages or runs actions later, on the actor system's injected <see cref="TimeProvider"/> (a fake provider
/// in tests drives it deterministically). Thread-safe. Pending work is dropped when the system terminates.
/// For timers owned by an actor prefer <see cref="IWithTimers"/>: they are cancelled with the actor.
/// </summary>
public interface IScheduler
{
    /// <summary>The current time of the time provider.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="receiver"/> once after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="interval"/> is not positive.</exception>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> (on a timer thread: keep it short, do not touch actor state).</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
