namespace LithairAkka.TestKit;

/// <summary>Runs an action and asserts how many matching events (log entries or dead letters) it caused.</summary>
public interface IEventFilterApplier
{
    /// <summary>Runs <paramref name="action"/> and asserts exactly one matching event within the filter leeway.</summary>
    void ExpectOne(Action action, TimeSpan? timeout = null);

    /// <summary>
    /// Runs <paramref name="action"/> and asserts exactly <paramref name="expectedCount"/> matching events. With 0 the
    /// filter watches for the whole timeout.
    /// </summary>
    void Expect(int expectedCount, Action action, TimeSpan? timeout = null);

    /// <summary>Async <see cref="ExpectOne"/>.</summary>
    Task ExpectOneAsync(Func<Task> action, TimeSpan? timeout = null);

    /// <summary>Async <see cref="Expect"/>.</summary>
    Task ExpectAsync(int expectedCount, Func<Task> action, TimeSpan? timeout = null);
}
