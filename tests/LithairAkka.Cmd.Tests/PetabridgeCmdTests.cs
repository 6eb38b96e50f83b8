using System.Buffers.Binary;
using System.Net.Sockets;
using LithairAkka.Cmd.Palettes;
using LithairAkka.Cmd.Protocol;
using LithairAkka.Cmd.Tests.Support;

namespace LithairAkka.Cmd.Tests;

public sealed class PetabridgeCmdTests(Xunit.Abstractions.ITestOutputHelper output) : CmdTestKit(output)
{
    [Fact]
    public void Welcome_AfterHandshake_NamesNodeAndBuiltInPalettes()
    {
        Assert.Equal(CmdProtocol.Version, Client.Welcome.ProtocolVersion);
        Assert.Equal(Sys.Name, Client.Welcome.Node);
        Assert.Equal(["actor", "cluster-sharding", "log", "node"], Client.Welcome.Palettes.Select(p => p.Name));
    }

    [Fact]
    public async Task StartAsync_CalledTwice_ReturnsTheSameEndPoint()
    {
        Assert.Equal(EndPoint, await Cmd.StartAsync());
        Assert.Equal(EndPoint, Cmd.LocalEndPoint);
    }

    [Fact]
    public async Task Execute_Help_ListsEveryCommandWithUsage()
    {
        var (completed, outputs) = await RunAsync("help");

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
        var table = Assert.Single(outputs);
        var commands = table.Rows!.Select(r => r[0]).ToArray();
        Assert.Contains("actor hierarchy [-s PATH] [-d DEPTH]", commands);
        Assert.Contains("log level [LEVEL]", commands);
        Assert.Contains("node info", commands);
    }

    [Fact]
    public async Task Execute_HelpForOnePalette_ListsOnlyItsCommands()
    {
        var (_, outputs) = await RunAsync("help", "log");

        Assert.All(Assert.Single(outputs).Rows!, r => Assert.StartsWith("log ", r[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_HelpForUnknownPalette_IsUsageError()
    {
        var (completed, _) = await RunAsync("help", "nope");

        Assert.Equal(CmdExitCodes.UsageError, completed.ExitCode);
    }

    [Fact]
    public async Task Execute_UnknownCommand_UsageErrorWithOneLine()
    {
        var (completed, outputs) = await RunAsync("frobnicate");

        Assert.Equal(CmdExitCodes.UsageError, completed.ExitCode);
        Assert.Equal("Unknown command 'frobnicate'; run 'help' to list commands.", completed.Error);
        Assert.Empty(outputs);
    }

    [Fact]
    public async Task Execute_BadArgument_UsageErrorNamingIt()
    {
        var (completed, _) = await RunAsync("actor", "hierarchy", "-d", "deep");

        Assert.Equal(CmdExitCodes.UsageError, completed.ExitCode);
        Assert.Equal("Bad value 'deep' for -d of 'actor hierarchy': expected an integer.", completed.Error);
    }

    [Fact]
    public async Task Execute_ConnectionStaysUsableAfterErrors_NextCommandSucceeds()
    {
        await RunAsync("frobnicate");

        var (completed, _) = await RunAsync("node", "info");

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
    }

    [Fact]
    public async Task RegisterCommandPalette_UserPalette_IsServedToNewClients()
    {
        Assert.True(Cmd.RegisterCommandPalette(new GreeterCommands()));
        await using var client = await ConnectAsync();
        var outputs = new List<CommandOutput>();

        var completed = await client.ExecuteAsync(["greeter", "hello", "Ada", "-t", "3"], o => { outputs.Add(o); return ValueTask.CompletedTask; }, CancellationToken.None);

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
        Assert.Contains(client.Welcome.Palettes, p => p.Name == "greeter");
        Assert.Equal(["Hello, Ada!", "Hello, Ada!", "Hello, Ada!"], outputs.Select(o => o.Text));
    }

    [Fact]
    public async Task RegisterCommandPalette_HandlerFails_CommandFailedWithItsMessage()
    {
        Cmd.RegisterCommandPalette(new GreeterCommands());
        await using var client = await ConnectAsync();

        var completed = await client.ExecuteAsync(["greeter", "hello", "nobody"], _ => ValueTask.CompletedTask, CancellationToken.None);

        Assert.Equal(CmdExitCodes.CommandFailed, completed.ExitCode);
        Assert.Equal("Nobody is not someone to greet.", completed.Error);
    }

    [Fact]
    public void RegisterCommandPalette_SameNameTwice_ReturnsFalse()
    {
        Assert.True(Cmd.RegisterCommandPalette(new GreeterCommands()));
        Assert.False(Cmd.RegisterCommandPalette(new GreeterCommands()));
    }

    [Fact]
    public void RegisterCommandPalette_NamedHelp_Throws() =>
        Assert.Throws<ArgumentException>(() => Cmd.RegisterCommandPalette(new HelpNamedCommands()));

    [Fact]
    public async Task Handshake_OtherProtocolVersion_RefusedWithErrorFrame()
    {
        using var socket = await RawConnectAsync();
        await using var connection = new CmdConnection(new NetworkStream(socket));
        await connection.SendAsync(FrameType.Hello, new HelloMessage(CmdProtocol.Version + 1, "future"), CancellationToken.None);

        var frame = await ReadWithDeadlineAsync(connection);

        Assert.Equal(FrameType.Error, frame!.Value.Type);
        Assert.Contains("protocol version", CmdConnection.Decode<ErrorMessage>(frame.Value).Message, StringComparison.Ordinal);
        Assert.Null(await ReadWithDeadlineAsync(connection));
    }

    [Fact]
    public async Task Handshake_ExecuteBeforeHello_RefusedWithErrorFrame()
    {
        using var socket = await RawConnectAsync();
        await using var connection = new CmdConnection(new NetworkStream(socket));
        await connection.SendAsync(FrameType.Execute, new ExecuteMessage(1, ["node", "info"]), CancellationToken.None);

        var frame = await ReadWithDeadlineAsync(connection);

        Assert.Equal("Expected a Hello frame first, got Execute.", CmdConnection.Decode<ErrorMessage>(frame!.Value).Message);
    }

    [Fact]
    public async Task MalformedFrame_OversizedLength_ErrorFrameThenClosed()
    {
        using var socket = await RawConnectAsync();
        var prefix = new byte[5];
        BinaryPrimitives.WriteInt32BigEndian(prefix, int.MaxValue);
        await socket.SendAsync(prefix);
        await using var connection = new CmdConnection(new NetworkStream(socket));

        var frame = await ReadWithDeadlineAsync(connection);

        Assert.Equal(FrameType.Error, frame!.Value.Type);
        Assert.Contains("maximum frame size", CmdConnection.Decode<ErrorMessage>(frame.Value).Message, StringComparison.Ordinal);
        Assert.Null(await ReadWithDeadlineAsync(connection));
    }

    [Fact]
    public async Task MalformedFrame_OneClientBreaks_OtherClientsKeepWorking()
    {
        using (var socket = await RawConnectAsync())
        {
            await socket.SendAsync(new byte[] { 0, 0, 0, 1, 99 });
            await using var broken = new CmdConnection(new NetworkStream(socket));
            Assert.Equal(FrameType.Error, (await ReadWithDeadlineAsync(broken))!.Value.Type);
        }

        var (completed, _) = await RunAsync("node", "info");

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
    }

    [Fact]
    public async Task StopAsync_Stopped_NewConnectionsRefused()
    {
        await Cmd.StopAsync();

        await Assert.ThrowsAnyAsync<SocketException>(() => ConnectAsync());
    }

    [Fact]
    public async Task StartAsync_AfterStop_ServesAgain()
    {
        await Cmd.StopAsync();
        Assert.Null(Cmd.LocalEndPoint);

        var restarted = await Cmd.StartAsync();
        await using var client = await CmdClient.ConnectAsync("127.0.0.1", restarted.Port, Deadline, CancellationToken.None);

        Assert.Equal(Sys.Name, client.Welcome.Node);
    }

    private async Task<Socket> RawConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", EndPoint.Port);
        return socket;
    }

    private static async Task<CmdFrame?> ReadWithDeadlineAsync(CmdConnection connection)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            return await connection.ReadFrameAsync(deadline.Token);
        }
        catch (IOException)
        {
            // A reset after the host closed counts as closed.
            return null;
        }
    }

    private sealed class GreeterCommands() : CommandPaletteHandler(new CommandPalette("greeter", "Greets people", [
        new CommandDefinition("hello", "Says hello", [
            new CommandArgument("name", "Who to greet", IsRequired: true),
            new CommandArgument("times", "How many times", ArgumentType.Integer, Switch: "-t"),
        ]),
    ]))
    {
        public override async Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token)
        {
            var name = invocation.GetString("name")!;
            if (name == "nobody")
            {
                throw new CommandFailedException("Nobody is not someone to greet.");
            }

            for (var i = 0; i < invocation.GetInt64("times", 1); i++)
            {
                await context.WriteMessageAsync($"Hello, {name}!", token);
            }
        }
    }

    private sealed class HelpNamedCommands() : CommandPaletteHandler(new CommandPalette("help", "x", [new CommandDefinition("me", "x")]))
    {
        public override Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token) => Task.CompletedTask;
    }
}
