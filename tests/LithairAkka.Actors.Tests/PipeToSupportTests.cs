using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class PipeToSupportTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public async Task PipeTo_Success_SendsResult()
    {
        await Task.FromResult(42).PipeTo(TestActor);

        ExpectMsg(42);
    }

    [Fact]
    public async Task PipeTo_SuccessMapping_SendsMappedResult()
    {
        var probe = CreateTestProbe();

        await Task.FromResult(42).PipeTo(TestActor, probe.Ref, success: i => $"got {i}");

        ExpectMsg("got 42");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public async Task PipeTo_Failure_SendsStatusFailure()
    {
        await Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(TestActor);

        Assert.Equal("bad", ExpectMsg<Status.Failure>().Cause.Message);
    }

    [Fact]
    public async Task PipeTo_FailureMapping_SendsMappedFailure()
    {
        await Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(TestActor, failure: e => "failed: " + e.Message);

        ExpectMsg("failed: bad");
    }

    [Fact]
    public async Task PipeTo_PendingTask_SendsWhenCompleted()
    {
        var source = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var piped = source.Task.PipeTo(TestActor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        source.SetResult("done");
        await piped;

        ExpectMsg("done");
    }
}
