using LithairAkka.Actors.Event;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class MailboxTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(Config, output)
{
    private const string Config = """
        single-thread-throughput-1 { type = ForkJoinDispatcher, throughput = 1, dedicated-thread-pool.thread-count = 1 }
        single-thread-throughput-30 { type = ForkJoinDispatcher, throughput = 30, dedicated-thread-pool.thread-count = 1 }
        small-bounded { mailbox-type = bounded, mailbox-capacity = 3 }
        """;

    private sealed record Seq(int Sender, int Number);

    private sealed record Blocked(ManualResetEventSlim Gate);

    private sealed class OrderChecker : ReceiveActor
    {
        public OrderChecker(int senders)
        {
            var last = new int[senders];
            var count = 0L;
            var violations = 0;
            Receive<Seq>(s =>
            {
                if (s.Number != last[s.Sender] + 1)
                {
                    violations++;
                }

                last[s.Sender] = s.Number;
                count++;
            });
            Receive<string>(_ => Sender.Tell((count, violations)));
        }
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(IActorRef probe)
        {
            Receive<Blocked>(b =>
            {
                probe.Tell("blocked");
                b.Gate.Wait(TimeSpan.FromSeconds(10));
            });
            ReceiveAny(m => probe.Tell(m));
        }
    }

    private sealed class ThreadReporter : ReceiveActor
    {
        public ThreadReporter() => ReceiveAny(_ => Sender.Tell(Thread.CurrentThread.Name ?? string.Empty));
    }

    [Fact]
    public void Tell_ConcurrentSenders_PreservesPerSenderOrderAndLosesNothing()
    {
        const int Senders = 8;
        const int PerSender = 100_000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(Senders)));
        var threads = Enumerable.Range(0, Senders).Select(s => new Thread(() =>
        {
            for (var i = 1; i <= PerSender; i++)
            {
                checker.Tell(new Seq(s, i), ActorRefs.NoSender);
            }
        })).ToArray();

        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        checker.Tell("count");
        var (count, violations) = ExpectMsg<(long, int)>(TimeSpan.FromSeconds(30));
        Assert.Equal((long)Senders * PerSender, count);
        Assert.Equal(0, violations);
    }

    [Fact]
    public void SystemMessages_AreProcessedBeforeQueuedUserMessages()
    {
        var probe = CreateTestProbe();
        var blocker = Sys.ActorOf(Props.Create(() => new Recorder(probe.Ref)).WithDispatcher("single-thread-throughput-1"));
        var target = Sys.ActorOf(Props.Create(() => new Recorder(probe.Ref)).WithDispatcher("single-thread-throughput-1"));
        target.Tell("ready");
        probe.ExpectMsg("ready");
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        Watch(target);
        using var gate = new ManualResetEventSlim();

        blocker.Tell(new Blocked(gate));
        probe.ExpectMsg("blocked");
        target.Tell("queued-user-message");
        Sys.Stop(target);
        gate.Set();

        // The queued message is drained to dead letters when the mailbox closes, before watchers hear of it.
        Assert.Equal("queued-user-message", ExpectMsg<DeadLetter>().Message);
        ExpectTerminated(target);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Theory]
    [InlineData("single-thread-throughput-1", "a1,b1,a2,b2,a3,b3")]
    [InlineData("single-thread-throughput-30", "a1,a2,a3,b1,b2,b3")]
    public void Throughput_BoundsMessagesPerTurn(string dispatcher, string expectedOrder)
    {
        var probe = CreateTestProbe();
        var blocker = Sys.ActorOf(Props.Create(() => new Recorder(probe.Ref)).WithDispatcher(dispatcher));
        var a = Sys.ActorOf(Props.Create(() => new Recorder(probe.Ref)).WithDispatcher(dispatcher));
        var b = Sys.ActorOf(Props.Create(() => new Recorder(probe.Ref)).WithDispatcher(dispatcher));
        a.Tell("a0");
        b.Tell("b0");
        probe.ExpectMsgAllOf("a0", "b0");
        using var gate = new ManualResetEventSlim();

        blocker.Tell(new Blocked(gate));
        probe.ExpectMsg("blocked");
        foreach (var n in new[] { 1, 2, 3 })
        {
            a.Tell($"a{n}");
        }

        foreach (var n in new[] { 1, 2, 3 })
        {
            b.Tell($"b{n}");
        }

        gate.Set();

        Assert.Equal(expectedOrder, string.Join(',', probe.ReceiveN(6)));
    }

    [Fact]
    public void BoundedMailbox_Overflow_GoesToDeadLetters()
    {
        var probe = CreateTestProbe();
        var blocker = Sys.ActorOf(Props.Create(() => new Recorder(probe.Ref)).WithMailbox("small-bounded"));
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        using var gate = new ManualResetEventSlim();
        blocker.Tell(new Blocked(gate));
        probe.ExpectMsg("blocked");

        for (var i = 0; i < 5; i++)
        {
            blocker.Tell(i);
        }

        Assert.Equal(3, ExpectMsg<DeadLetter>().Message);
        Assert.Equal(4, ExpectMsg<DeadLetter>().Message);
        gate.Set();
        Assert.Equal([0, 1, 2], probe.ReceiveN(3).Cast<int>());
    }

    [Fact]
    public void PinnedDispatcher_RunsActorOnItsOwnThread()
    {
        var pinned = Sys.ActorOf(Props.Create<ThreadReporter>().WithDispatcher("akka.actor.pinned-dispatcher"), "pinned");

        pinned.Tell("which");
        var first = ExpectMsg<string>();
        pinned.Tell("which");

        Assert.Equal(first, ExpectMsg<string>());
        Assert.Contains("/user/pinned", first, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownDispatcher_FailsActorCreation() =>
        Assert.Throws<LithairAkka.Hocon.ConfigurationException>(() => Sys.ActorOf(Props.Create<EchoActor>().WithDispatcher("no-such-dispatcher")));

    [Fact]
    public void PingPong_ManyPairs_AllRoundTripsComplete()
    {
        const int Pairs = 16;
        const int Rounds = 2_000;
        var done = CreateTestProbe();
        for (var p = 0; p < Pairs; p++)
        {
            var pong = Sys.ActorOf(Props.Create<EchoActor>());
            var ping = Sys.ActorOf(Props.Create(() => new Pinger(pong, Rounds, done.Ref)));
            ping.Tell("start");
        }

        var results = done.ReceiveN(Pairs, TimeSpan.FromSeconds(30)).Cast<int>();
        Assert.All(results, r => Assert.Equal(Rounds, r));
    }

    private sealed class Pinger : ReceiveActor
    {
        public Pinger(IActorRef pong, int rounds, IActorRef done)
        {
            var count = 0;
            Receive<string>(_ => pong.Tell(0, Self));
            Receive<int>(_ =>
            {
                if (++count == rounds)
                {
                    done.Tell(count);
                }
                else
                {
                    pong.Tell(count, Self);
                }
            });
        }
    }
}
