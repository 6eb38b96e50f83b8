using LithairAkka.Actors;
using LithairAkka.Cmd.Palettes;
using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd.Hosting;

/// <content>The read loop, running a command, closing, and the session's messages.</content>
internal sealed partial class CommandSession
{
    private async Task ReadLoopAsync(IActorRef self, CancellationToken token)
    {
        string? reason = null;
        try
        {
            while (await _connection.ReadFrameAsync(token).ConfigureAwait(false) is { } frame)
            {
                self.Tell(new FrameReceived(frame), ActorRefs.NoSender);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (CmdProtocolException e)
        {
            // The session tells the client why, then closes the connection.
            self.Tell(new ProtocolBroken(e.Message), ActorRefs.NoSender);
            return;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            reason = e.Message;
        }

        self.Tell(new ConnectionEnded(reason), ActorRefs.NoSender);
    }

    private async Task<CompletedMessage> RunAsync(
        CommandPaletteHandler handler, CommandInvocation invocation, CommandContext context, int requestId, CancellationToken token)
    {
        try
        {
            await handler.ExecuteAsync(invocation, context, token).ConfigureAwait(false);
            return new CompletedMessage(requestId, CmdExitCodes.Success, null);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return new CompletedMessage(requestId, CmdExitCodes.Cancelled, $"'{invocation.CommandText}' cancelled.");
        }
        catch (CommandFailedException e)
        {
            return new CompletedMessage(requestId, CmdExitCodes.CommandFailed, e.Message);
        }
        catch (AskTimeoutException)
        {
            return new CompletedMessage(
                requestId, CmdExitCodes.CommandFailed, $"'{invocation.CommandText}': no answer within {context.AskTimeout.TotalSeconds:0.#} s.");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException && token.IsCancellationRequested)
        {
            return new CompletedMessage(requestId, CmdExitCodes.Cancelled, $"'{invocation.CommandText}' cancelled.");
        }
#pragma warning disable CA1031 // A failing handler must answer the client, whatever it threw.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _cmd.Log.Error(e, "pbm command '{Command}' failed", invocation.CommandText);
            return new CompletedMessage(requestId, CmdExitCodes.CommandFailed, $"'{invocation.CommandText}' failed: {e.Message}");
        }
    }

    private static async Task CloseAsync(Task sendChain, CmdConnection connection, CancellationTokenSource lifetime)
    {
        await sendChain.ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
        lifetime.Dispose();
    }

    private sealed record FrameReceived(CmdFrame Frame);

    private sealed record CommandFinished(CompletedMessage Completed);

    private sealed record ConnectionEnded(string? Reason);

    private sealed record ProtocolBroken(string Reason);

    private sealed record Running(int RequestId, CancellationTokenSource Cancellation);

    private sealed class SessionOutput(CmdConnection connection, int requestId) : ICommandOutput
    {
        public ValueTask WriteAsync(CommandOutput output, CancellationToken token)
        {
            ArgumentNullException.ThrowIfNull(output);
            return connection.SendAsync(FrameType.Output, new OutputMessage(requestId, output), token);
        }
    }
}
