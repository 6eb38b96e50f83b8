using LithairAkka.Cmd.Palettes;
using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd.Tests.Support;

/// <summary>A test kit whose actor system runs a command host on a free port, with a connected client.</summary>
public abstract class CmdTestKit : LithairAkka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    protected CmdTestKit(Xunit.Abstractions.ITestOutputHelper output, string extraConfig = "")
        : base("petabridge.cmd { port = 0, log-palettes-on-startup = off }\n" + extraConfig, output)
    {
    }

    protected PetabridgeCmd Cmd => PetabridgeCmd.Get(Sys);

    protected System.Net.IPEndPoint EndPoint { get; private set; } = null!;

    protected CmdClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        EndPoint = await Cmd.StartAsync();
        Client = await ConnectAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Cmd.StopAsync();
    }

    protected Task<CmdClient> ConnectAsync() =>
        CmdClient.ConnectAsync("127.0.0.1", EndPoint.Port, Deadline, CancellationToken.None);

    /// <summary>Runs a command line on <see cref="Client"/>, collecting every output.</summary>
    protected async Task<(CompletedMessage Completed, List<CommandOutput> Outputs)> RunAsync(params string[] words)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var outputs = new List<CommandOutput>();
        var completed = await Client.ExecuteAsync(words, o => { outputs.Add(o); return ValueTask.CompletedTask; }, deadline.Token);
        return (completed, outputs);
    }

    /// <summary>Runs a command that must succeed with one record, and returns the record's fields by name.</summary>
    protected async Task<Dictionary<string, string>> RecordAsync(params string[] words)
    {
        var (completed, outputs) = await RunAsync(words);
        Assert.True(completed.ExitCode == CmdExitCodes.Success, completed.Error);
        var record = Assert.Single(outputs);
        Assert.Equal(CommandOutputKind.Record, record.Kind);
        return record.Fields!.ToDictionary(f => f.Name, f => f.Value);
    }
}
