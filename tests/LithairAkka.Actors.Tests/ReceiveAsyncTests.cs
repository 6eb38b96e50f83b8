using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class ReceiveAsyncTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private sealed record Work(int Id, TaskCompletionSource Gate);

    private sealed class AsyncWorker : ReceiveActor
    {
        public AsyncWorker(IActorRef probe)
        {
            ReceiveAsync<Work>(async w =>
            {
                probe.Tell($"start:{w.Id}");
                await w.Gate.Task;
                await Task.Yield();

                // Context, Self and Sender are valid after await: continuations run on the actor.
                probe.Tell($"end:{w.Id}:{Sender.Path.Name}:{Self.Path.Name}:{Context.Self.Equals(Self)}");
            });
            Receive<string>(s => probe.Tell("sync:" + s));
            ReceiveAsync<int>(async i =>
            {
                await Task.Yield();
                throw new InvalidOperationException("async failure " + i);
            });
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            Context.System.EventStream.Publish(new Restarted(reason.Message));
            base.PreRestart(reason, message);
        }
    }

    private sealed record Restarted(string Reason);

    [Fact]
    public void ReceiveAsync_SuspendsMailboxUntilTaskCompletes()
    {
        var probe = CreateTestProbe();
        var sender = CreateTestProbe("sender");
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(probe.Ref)), "worker");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        actor.Tell(new Work(1, gate), sender.Ref);
        actor.Tell("after");
        probe.ExpectMsg("start:1");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        gate.SetResult();

        probe.ExpectMsg("end:1:sender:worker:True");
        probe.ExpectMsg("sync:after");
    }

    [Fact]
    public void ReceiveAsync_ManyMessages_ProcessedInOrderOneAtATime()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(probe.Ref)));
        var gates = Enumerable.Range(0, 5).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        for (var i = 0; i < gates.Length; i++)
        {
            actor.Tell(new Work(i, gates[i]));
        }

        for (var i = 0; i < gates.Length; i++)
        {
            probe.ExpectMsg($"start:{i}");
            gates[i].SetResult();
            probe.ExpectMsg<string>(s => s.StartsWith($"end:{i}:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ReceiveAsync_FaultedTask_FailsTheActor()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(TestActor, typeof(Restarted));
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(probe.Ref)));

        actor.Tell(7);

        Assert.Equal("async failure 7", ExpectMsg<Restarted>().Reason);
        actor.Tell("still alive");
        probe.ExpectMsg("sync:still alive");
    }
}
