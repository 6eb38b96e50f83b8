using LithairAkka.Actors;
using LithairAkka.Cmd.Palettes;
using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd.Hosting;

/// <summary>
/// Serves one client connection: a read loop feeds it frames; it checks the handshake, parses each command line
/// against the palettes, runs one command at a time off the actor (so a streaming command does not block it), relays
/// cancellation, and sends each command's completion. Any protocol violation ends the connection with an error frame.
/// </summary>
/// <remarks>Frames it sends itself go through one chain, so they leave in the order they were produced.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "An actor's resources are released in PostStop.")]
internal sealed partial class CommandSession : ReceiveActor
{
    private readonly PetabridgeCmd _cmd;
    private readonly CmdConnection _connection;
    private readonly string _remote;
    private readonly CancellationTokenSource _lifetime = new();
    private Task _sendChain = Task.CompletedTask;
    private bool _welcomed;
    private Running? _running;

    public CommandSession(PetabridgeCmd cmd, CmdConnection connection, string remote)
    {
        _cmd = cmd;
        _connection = connection;
        _remote = remote;
        Receive<FrameReceived>(OnFrame);
        Receive<CommandFinished>(OnFinished);
        Receive<ConnectionEnded>(OnEnded);
        Receive<ProtocolBroken>(m => Fail(m.Reason));
    }

    public static Props Props(PetabridgeCmd cmd, CmdConnection connection, string remote) =>
        Actors.Props.Create(() => new CommandSession(cmd, connection, remote));

    protected override void PreStart() => _ = ReadLoopAsync(Self, _lifetime.Token);

    protected override void PostStop()
    {
        _running?.Cancellation.Cancel();
        _lifetime.Cancel();
        var chain = _sendChain;
        var connection = _connection;
        var lifetime = _lifetime;
        _ = CloseAsync(chain, connection, lifetime);
    }

    private void OnFrame(FrameReceived received)
    {
        var frame = received.Frame;
        try
        {
            switch (frame.Type)
            {
                case FrameType.Hello when !_welcomed:
                    OnHello(CmdConnection.Decode<HelloMessage>(frame));
                    break;
                case FrameType.Execute when _welcomed:
                    OnExecute(CmdConnection.Decode<ExecuteMessage>(frame));
                    break;
                case FrameType.Cancel when _welcomed:
                    var cancel = CmdConnection.Decode<CancelMessage>(frame);
                    if (_running is { } running && running.RequestId == cancel.RequestId)
                    {
                        running.Cancellation.Cancel();
                    }

                    break;
                default:
                    throw new CmdProtocolException(
                        _welcomed ? $"Unexpected {frame.Type} frame from a client." : $"Expected a Hello frame first, got {frame.Type}.");
            }
        }
        catch (CmdProtocolException e)
        {
            Fail(e.Message);
        }
    }

    private void OnHello(HelloMessage hello)
    {
        if (hello.ProtocolVersion != CmdProtocol.Version)
        {
            Fail($"This node speaks pbm protocol version {CmdProtocol.Version}, the client speaks {hello.ProtocolVersion}; use a matching pbm.");
            return;
        }

        _welcomed = true;
        var welcome = new WelcomeMessage(CmdProtocol.Version, _cmd.System.Name, _cmd.NodeAddress, _cmd.Palettes);
        Send(FrameType.Welcome, welcome);
    }

    private void OnExecute(ExecuteMessage execute)
    {
        if (_running is not null)
        {
            Complete(execute.RequestId, CmdExitCodes.UsageError, "A command is already running on this connection.");
            return;
        }

        if (execute.Arguments.Count > 0 && string.Equals(execute.Arguments[0], CmdProtocol.HelpCommand, StringComparison.OrdinalIgnoreCase))
        {
            OnHelp(execute);
            return;
        }

        CommandPaletteHandler handler;
        CommandInvocation invocation;
        try
        {
            (handler, invocation) = CommandLineParser.Parse(execute.Arguments, _cmd.Handlers);
        }
        catch (CommandUsageException e)
        {
            Complete(execute.RequestId, CmdExitCodes.UsageError, e.Message);
            return;
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        _running = new Running(execute.RequestId, cancellation);
        var context = new CommandContext(_cmd.System, new SessionOutput(_connection, execute.RequestId), _cmd.Settings.AskTimeout);
        var self = Self;
        _ = Task.Run(() => RunAsync(handler, invocation, context, execute.RequestId, cancellation.Token))
            .ContinueWith(t => self.Tell(new CommandFinished(t.Result), ActorRefs.NoSender), TaskScheduler.Default);
    }

    private void OnHelp(ExecuteMessage execute)
    {
        var palettes = _cmd.Palettes;
        var filter = execute.Arguments.Count > 1 ? execute.Arguments[1] : null;
        var shown = filter is null ? palettes : palettes.Where(p => string.Equals(p.Name, filter, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (shown.Count == 0 || execute.Arguments.Count > 2)
        {
            Complete(execute.RequestId, CmdExitCodes.UsageError, $"Unknown palette '{filter}'; run 'help' to list palettes.");
            return;
        }

        var rows = shown
            .SelectMany(p => p.Commands.Select(c => (IReadOnlyList<string>)[$"{p.Name} {c.Usage()}", c.Description]))
            .ToArray();
        Send(FrameType.Output, new OutputMessage(execute.RequestId, CommandOutput.Table(["command", "description"], rows)));
        Complete(execute.RequestId, CmdExitCodes.Success, null);
    }

    private void OnFinished(CommandFinished finished)
    {
        if (_running is { } running && running.RequestId == finished.Completed.RequestId)
        {
            running.Cancellation.Dispose();
            _running = null;
        }

        Send(FrameType.Completed, finished.Completed);
    }

    private void OnEnded(ConnectionEnded ended)
    {
        if (ended.Reason is { } reason)
        {
            _cmd.Log.Warning("pbm connection from {Remote} closed: {Reason}", _remote, reason);
        }

        Context.Stop(Self);
    }

    private void Complete(int requestId, int exitCode, string? error) =>
        Send(FrameType.Completed, new CompletedMessage(requestId, exitCode, error));

    private void Fail(string reason)
    {
        _cmd.Log.Warning("pbm connection from {Remote} broke the protocol: {Reason}", _remote, reason);
        Send(FrameType.Error, new ErrorMessage(reason));
        Context.Stop(Self);
    }

    private void Send<T>(FrameType type, T message) => _sendChain = SendAfterAsync(_sendChain, type, message);

    private async Task SendAfterAsync<T>(Task previous, FrameType type, T message)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await _connection.SendAsync(type, message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is gone; the read loop ends the session.
        }
    }
}
