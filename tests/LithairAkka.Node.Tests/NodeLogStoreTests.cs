using System.Net;
using System.Text;

namespace LithairAkka.Node.Tests;

/// <summary><c>lithair.node.log-store</c>: the node on the SQLite log store, and a bad value refused at start.</summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeLogStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-store-" + Guid.NewGuid().ToString("N"));

    public NodeLogStoreTests() => Directory.CreateDirectory(_directory);

    private string DataDirectory => Path.Combine(_directory, "data");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed node may still be releasing files; the temp directory is reclaimed later.
        }
    }

    [Fact]
    public async Task Restart_SqliteLogStore_KeepsAcknowledgedWritesInDataDirectory()
    {
        var config = await WriteConfigAsync("lithair.node.log-store = sqlite");
        var ports = NodeProcess.FreePorts();
        await using (var first = NodeProcess.Start(_directory, ports, "--config", config, "--data", DataDirectory))
        {
            await first.AwaitReadyAsync();
            for (var i = 0; i < 10; i++)
            {
                using var put = await first.Data.PutAsync("/kv/k" + i, new StringContent("v" + i, Encoding.UTF8));
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            Assert.Contains(first.StandardOutput, line => line.Contains("log store sqlite", StringComparison.Ordinal));
            first.Terminate();
            Assert.Equal(0, await first.WaitForExitAsync());
        }

        Assert.True(File.Exists(Path.Combine(DataDirectory, "log.db")));
        Assert.False(Directory.Exists(Path.Combine(DataDirectory, "log")));
        await using var second = NodeProcess.Start(_directory, ports, "--config", config, "--data", DataDirectory);
        await second.AwaitReadyAsync();
        for (var i = 0; i < 10; i++)
        {
            using var get = await second.Data.GetAsync("/kv/k" + i);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal("v" + i, await get.Content.ReadAsStringAsync());
        }

        using var after = await second.Data.PutAsync("/kv/after-restart", new StringContent("v"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("lithair.node.log-store = mongodb", "lithair.node.log-store")]
    [InlineData("lithair.node.log-store = postgresql", "lithair.node.log-store-connection-string")]
    public async Task Start_BadLogStore_ExitsWith2AndOneLineNamingTheKey(string line, string named)
    {
        var config = await WriteConfigAsync(line);

        await using var node = NodeProcess.Start(_directory, NodeProcess.FreePorts(), "--config", config, "--data", DataDirectory);
        var code = await node.WaitForExitAsync();

        Assert.Equal(2, code);
        Assert.Contains(named, Assert.Single(node.StandardError), StringComparison.Ordinal);
    }

    private async Task<string> WriteConfigAsync(string line)
    {
        var config = Path.Combine(_directory, "store-" + Guid.NewGuid().ToString("N") + ".conf");
        var include = Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf");
        await File.WriteAllTextAsync(config, "include \"" + include + "\"\n" + line + "\n");
        return config;
    }
}
