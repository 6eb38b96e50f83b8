using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class FuturesTests(ITestOutputHelper output) : FakeTimeTestKit(output)
{
    private sealed class Answerer : ReceiveActor
    {
        public Answerer()
        {
            Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("nope"))));
            Receive<string>(s => s == "silent", _ => { });
            Receive<string>(s => Sender.Tell(s.Length));
        }
    }

    [Fact]
    public async Task Ask_Reply_CompletesWithIt()
    {
        var actor = Sys.ActorOf(Props.Create<Answerer>());

        var length = await actor.Ask<int>("hello", TimeSpan.FromSeconds(3));

        Assert.Equal(5, length);
    }

    [Fact]
    public async Task Ask_StatusFailure_FaultsWithCause()
    {
        var actor = Sys.ActorOf(Props.Create<Answerer>());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<int>("fail", TimeSpan.FromSeconds(3)));

        Assert.Equal("nope", e.Message);
    }

    [Fact]
    public async Task Ask_NoReply_TimesOutOnTheInjectedClock()
    {
        var actor = Sys.ActorOf(Props.Create<Answerer>());
        var ask = actor.Ask<int>("silent", TimeSpan.FromSeconds(30));
        await Task.Yield();
        Assert.False(ask.IsCompleted);

        Time.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }

    [Fact]
    public async Task Ask_WrongReplyType_ThrowsInvalidCast()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());

        await Assert.ThrowsAsync<InvalidCastException>(() => actor.Ask<int>("not an int", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Ask_DeadTarget_FailsAtOnce()
    {
        var actor = Sys.ActorOf(Props.Create<Answerer>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<int>("hello", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Ask_Cancelled_ThrowsTaskCanceled()
    {
        var actor = Sys.ActorOf(Props.Create<Answerer>());
        using var cts = new CancellationTokenSource();
        var ask = actor.Ask<int>("silent", null, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAsync<TaskCanceledException>(() => ask);
    }

    [Fact]
    public async Task Ask_Selection_Works()
    {
        Sys.ActorOf(Props.Create<Answerer>(), "answerer");

        var length = await Sys.ActorSelection("/user/answerer").Ask<int>("abc", TimeSpan.FromSeconds(3));

        Assert.Equal(3, length);
    }

    [Fact]
    public async Task Ask_TemporaryActor_IsResolvableWhilePending()
    {
        var provider = ((ExtendedActorSystem)Sys).Provider;
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<string>("question", TimeSpan.FromSeconds(30));
        probe.ExpectMsg("question");
        var tempRef = probe.LastSender;

        var resolved = provider.ResolveActorRef(tempRef.Path);
        resolved.Tell("answer", ActorRefs.NoSender);

        Assert.Equal("answer", await ask);
        Assert.IsType<EmptyLocalActorRef>(provider.ResolveActorRef(tempRef.Path));
    }
}
