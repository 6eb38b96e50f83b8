using LithairAkka.Actors;
using LithairAkka.TestKit.Internal;

namespace LithairAkka.TestKit;

/// <summary>Counts matching events on the event stream while an action runs, then asserts the count.</summary>
internal sealed class EventFilterApplier(TestKitBase testKit, Type channel, Func<object, bool> isMatch, string description) : IEventFilterApplier
{
    public void ExpectOne(Action action, TimeSpan? timeout = null) => Expect(1, action, timeout);

    public Task ExpectOneAsync(Func<Task> action, TimeSpan? timeout = null) => ExpectAsync(1, action, timeout);

    public void Expect(int expectedCount, Action action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCount);
        using var counter = Subscribe();
        action();
        Verify(counter, expectedCount, timeout);
    }

    public async Task ExpectAsync(int expectedCount, Func<Task> action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCount);
        using var counter = Subscribe();
        await action().ConfigureAwait(false);
        Verify(counter, expectedCount, timeout);
    }

    private EventCounter Subscribe()
    {
        var system = (ExtendedActorSystem)testKit.Sys;
        var counter = new EventCounter(system, isMatch);
        system.EventStream.Subscribe(counter, channel);
        return counter;
    }

    private void Verify(EventCounter counter, int expectedCount, TimeSpan? timeout)
    {
        var leeway = timeout is { } t ? testKit.Dilated(t) : testKit.Dilated(testKit.TestKitSettings.TestEventFilterLeeway);
        var deadline = Deadline.After(leeway);

        // Expecting none means watching for the whole leeway; otherwise stop as soon as enough arrived.
        while ((expectedCount == 0 || counter.Count < expectedCount) && !deadline.IsOverdue && counter.Count <= expectedCount)
        {
            counter.WaitForChange(deadline.Remaining);
        }

        var count = counter.Count;
        if (count < expectedCount)
        {
            throw new Xunit.Sdk.XunitException(
                $"Timeout ({leeway}) while waiting for messages. Only received {count}/{expectedCount} messages that matched filter [{description}]");
        }

        if (count > expectedCount)
        {
            throw new Xunit.Sdk.XunitException(
                $"Received {count - expectedCount} messages too many. Expected {expectedCount} messages that matched filter [{description}], got {count}");
        }
    }

    /// <summary>A ref (no mailbox) that counts matching events synchronously as they are published.</summary>
    private sealed class EventCounter(ExtendedActorSystem system, Func<object, bool> isMatch) : MinimalActorRef, IDisposable
    {
        private readonly object _lock = new();
        private readonly ActorPath _path = system.Provider.TempPath();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ActorPath Path => _path;

        public override IActorRefProvider Provider => system.Provider;

        public override void Tell(object message, IActorRef? sender)
        {
            if (isMatch(message))
            {
                lock (_lock)
                {
                    _count++;
                    Monitor.PulseAll(_lock);
                }
            }
        }

        public void WaitForChange(TimeSpan timeout)
        {
            lock (_lock)
            {
                Monitor.Wait(_lock, timeout);
            }
        }

        public void Dispose() => system.EventStream.Unsubscribe(this);
    }
}
