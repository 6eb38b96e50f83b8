using System.Net.Sockets;
using LithairAkka.Actors;
using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd.Hosting;

/// <summary>
/// Parent of the connection handlers (<c>/system/petabridge-cmd</c>): starts a <see cref="CommandSession"/> per
/// accepted socket, refuses connections beyond <c>max-connections</c>, and stops a failed session rather than
/// restarting it (its socket cannot be reused). Stopping it closes every connection.
/// </summary>
internal sealed class CommandHost : ReceiveActor
{
    private readonly PetabridgeCmd _cmd;
    private long _sessions;

    public CommandHost(PetabridgeCmd cmd)
    {
        _cmd = cmd;
        Receive<Accepted>(OnAccepted);
    }

    public static Props Props(PetabridgeCmd cmd) => Actors.Props.Create(() => new CommandHost(cmd));

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    private void OnAccepted(Accepted accepted)
    {
        var connection = new CmdConnection(new NetworkStream(accepted.Socket, ownsSocket: true), _cmd.Settings.MaxFrameSize);
        var remote = accepted.Socket.RemoteEndPoint?.ToString() ?? "unknown";
        if (Context.Children.Count >= _cmd.Settings.MaxConnections)
        {
            _cmd.Log.Warning("pbm command host: refusing {Remote}: {Max} connections already open", remote, _cmd.Settings.MaxConnections);
            _ = RefuseAsync(connection, _cmd.Settings.MaxConnections);
            return;
        }

        Context.ActorOf(CommandSession.Props(_cmd, connection, remote), $"session-{++_sessions}");
    }

    private static async Task RefuseAsync(CmdConnection connection, int max)
    {
        try
        {
            var message = new ErrorMessage($"The node serves at most {max} pbm connections at once; try again later.");
            await connection.SendAsync(FrameType.Error, message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The client left first.
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A connection the listener accepted.</summary>
    public sealed record Accepted(Socket Socket);
}
