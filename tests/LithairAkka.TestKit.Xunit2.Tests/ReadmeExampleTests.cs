using LithairAkka.Actors;
using Xunit.Abstractions;

namespace LithairAkka.TestKit.Xunit2.Tests;

/// <summary>The README's "Writing actors" examples, compiled and run so the README cannot drift from the API.</summary>
public sealed class ReadmeExampleTests : LithairAkka.TestKit.Xunit2.TestKit
{
    public ReadmeExampleTests(ITestOutputHelper output) : base(output: output) { }

    [Fact]
    public void Get_AfterTwoIncrements_AnswersTwo()
    {
        var counter = Sys.ActorOf(Props.Create(() => new Counter()));
        counter.Tell(new Counter.Increment());
        counter.Tell(new Counter.Increment());
        counter.Tell(new Counter.Get());
        ExpectMsg(2L);
    }

    [Fact]
    public async Task Ask_OnAFreshSystem_AnswersTheCount()
    {
        var system = ActorSystem.Create("demo");
        try
        {
            var counter = system.ActorOf(Props.Create(() => new Counter()), "counter");
            counter.Tell(new Counter.Increment());
            var count = await counter.Ask<long>(new Counter.Get(), TimeSpan.FromSeconds(3));
            Assert.Equal(1L, count);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class Counter : ReceiveActor
    {
        private long _count;

        public Counter()
        {
            Receive<Increment>(_ => _count++);
            Receive<Get>(_ => Sender.Tell(_count));
        }

        public sealed record Increment;

        public sealed record Get;
    }
}
