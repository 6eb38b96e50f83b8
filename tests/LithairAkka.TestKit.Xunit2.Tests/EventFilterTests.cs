using LithairAkka.Actors;
using LithairAkka.Actors.Event;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LithairAkka.TestKit.Xunit2.Tests;

public class EventFilterTests(ITestOutputHelper output) : TestKit("akka.test.filter-leeway = 500ms", output)
{
    private ILoggingAdapter Log => Sys.GetLogger("test-source", typeof(EventFilterTests));

    [Fact]
    public void ExpectOne_MatchingEvent_Passes() =>
        EventFilter.Warning(contains: "disk").ExpectOne(() => Log.Warning("disk {Percent}% full", 91));

    [Fact]
    public void ExpectOne_NoEvent_FailsAfterLeeway()
    {
        var e = Assert.ThrowsAny<XunitException>(() => EventFilter.Warning(contains: "never").ExpectOne(() => { }));

        Assert.Contains("Only received 0/1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expect_TooMany_Fails()
    {
        var e = Assert.ThrowsAny<XunitException>(() => EventFilter.Info(start: "tick").Expect(1, () =>
        {
            Log.Info("tick 1");
            Log.Info("tick 2");
        }));

        Assert.Contains("too many", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_FiltersByExceptionType()
    {
        EventFilter.Error<InvalidOperationException>().ExpectOne(() =>
        {
            Log.Error(new ArgumentException("other"), "not this one");
            Log.Error(new InvalidOperationException("this"), "this one");
        });
    }

    [Fact]
    public void Message_MustMatchExactly() =>
        EventFilter.Info(message: "exact 1").ExpectOne(() =>
        {
            Log.Info("exact {N}", 1);
            Log.Info("exact 10");
        });

    [Fact]
    public void Source_Filters() =>
        EventFilter.Info(source: "test-source").Expect(2, () =>
        {
            Log.Info("a");
            Log.Info("b");
            Sys.GetLogger("elsewhere", typeof(EventFilterTests)).Info("c");
        });

    [Fact]
    public void DeadLetter_CountsTypedDeadLetters() =>
        EventFilter.DeadLetter<int>().Expect(2, () =>
        {
            Sys.DeadLetters.Tell(1);
            Sys.DeadLetters.Tell("not an int");
            Sys.DeadLetters.Tell(2);
        });

    [Fact]
    public async Task ExpectOneAsync_Works() =>
        await EventFilter.Info(contains: "async").ExpectOneAsync(async () =>
        {
            await Task.Yield();
            Log.Info("async entry");
        });
}
