using LithairAkka.Cmd.Tests.Support;

namespace LithairAkka.Cmd.Tests.BuiltIn;

public sealed class NodeCommandsTests(Xunit.Abstractions.ITestOutputHelper output) : CmdTestKit(output)
{
    [Fact]
    public async Task Info_Describes_NodeProcessAndCommandHost()
    {
        var record = await RecordAsync("node", "info");

        Assert.Equal(Sys.Name, record["node"]);
        Assert.Equal(EndPoint.ToString(), record["cmd-endpoint"]);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), record["pid"]);
        Assert.Equal("actor, cluster-sharding, log, node", record["palettes"]);
        Assert.True(long.Parse(record["working-set-bytes"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }
}
