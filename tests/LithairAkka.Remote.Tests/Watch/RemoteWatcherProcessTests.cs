using LithairAkka.Actors;
using LithairAkka.Remote.Tests.Support;
using Xunit.Abstractions;

namespace LithairAkka.Remote.Tests.DeathWatch;

/// <summary>Remote death watch against another process: the PingPongHost, killed with SIGKILL.</summary>
[Collection(MultiNodeCollection.Name)]
public sealed class RemoteWatcherProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly RemoteNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task Watch_HostProcessKilled_FailureDetectorTerminatesTheWatch()
    {
        var node = _nodes.Start();
        await using var host = await HostProcess.StartAsync(node.Sys.Name, TimeSpan.FromSeconds(60));
        var echo = await node.Sys.ActorSelection(host.Address + "/user/echo-0").ResolveOne(Deadline);
        Assert.Equal("ping", await echo.Ask<string>("ping", Deadline));
        var probe = node.CreateTestProbe();
        node.Sys.ActorOf(Props.Create(() => new WatchingActor(echo, probe.Ref)), "watcher");
        Assert.Equal("watching", await probe.ExpectMsgAsync<string>(Deadline));
        Assert.Equal("sync", await echo.Ask<string>("sync", Deadline));

        host.Kill();
        await host.WaitForExitAsync(Deadline);

        var terminated = await probe.ExpectMsgAsync<WatchedTerminated>(Deadline);
        Assert.Equal(echo, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
        Assert.True(terminated.AddressTerminated);
    }
}
