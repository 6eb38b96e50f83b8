using LithairAkka.Cmd.Protocol;
using LithairAkka.Cmd.Tests.Support;

namespace LithairAkka.Cmd.Tests.Hosting;

public sealed class CommandHostTests(Xunit.Abstractions.ITestOutputHelper output)
    : CmdTestKit(output, "petabridge.cmd.max-connections = 1")
{
    [Fact]
    public async Task Accept_BeyondMaxConnections_RefusedWithErrorFrame()
    {
        var e = await Assert.ThrowsAsync<CmdProtocolException>(ConnectAsync);

        Assert.Equal("The node serves at most 1 pbm connections at once; try again later.", e.Message);
    }

    [Fact]
    public async Task Accept_AfterAClientLeft_ServesTheNextOne()
    {
        await Client.DisposeAsync();

        await AwaitAssertAsync(
            async () =>
            {
                await using var next = await ConnectAsync();
                var completed = await next.ExecuteAsync(["node", "info"], _ => ValueTask.CompletedTask, CancellationToken.None);
                Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
            },
            Deadline);
    }
}
