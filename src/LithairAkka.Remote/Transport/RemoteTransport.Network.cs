using System.Net;
using System.Net.Sockets;
using LithairAkka.Remote.Transport.Diagnostics;

namespace LithairAkka.Remote.Transport;

public sealed partial class RemoteTransport
{
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    /// <summary>
    /// Binds <c>hostname:port</c> (port 0 picks a free one) and starts accepting connections. A host name is
    /// resolved with IPv4 addresses first. After it returns, <see cref="LocalAddress"/> and <see cref="BoundEndPoint"/> are set.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already started, or disposed.</exception>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public async ValueTask StartAsync(CancellationToken token = default)
    {
        ObjectDisposedException.ThrowIf(IsShuttingDown, this);
        if (Volatile.Read(ref _listener) is not null)
        {
            throw new InvalidOperationException("The remoting transport is already started.");
        }

        var ip = await ResolveAsync(Settings.Hostname, token).ConfigureAwait(false);
        var listener = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (ip.Equals(IPAddress.IPv6Any))
            {
                listener.DualMode = true;
            }

            listener.Bind(new IPEndPoint(ip, Settings.Port));
            listener.Listen(Settings.Backlog);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        var bound = (IPEndPoint)listener.LocalEndPoint!;
        var host = Settings.PublicHostname.Length > 0 ? Settings.PublicHostname : Settings.Hostname;
        var port = Settings.PublicPort != 0 ? Settings.PublicPort : bound.Port;
        if (Interlocked.CompareExchange(ref _listener, listener, null) is not null)
        {
            listener.Dispose();
            throw new InvalidOperationException("The remoting transport is already started.");
        }

        BoundEndPoint = bound;
        _localAddress = new RemoteAddress(host, port);
        Volatile.Write(ref _started, 1);
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener), CancellationToken.None);
        RemoteLogMessages.Listening(Logger, _localAddress.ToString(), bound.ToString(), Uid, Tls is null ? "off" : "on (" + Tls.Subject + ")");
    }

    /// <summary>One outbound attempt for <paramref name="association"/>: dial, then run the connection; completes
    /// with the handshake's outcome (the connection lives on in the background when accepted).</summary>
    internal async Task<HandshakeOutcome> ConnectAsync(Association association, CancellationToken token)
    {
        var address = association.Address;
        IPAddress ip;
        try
        {
            ip = await ResolveAsync(address.Host, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            return new HandshakeOutcome(HandshakeResult.Failed, $"cannot resolve '{address.Host}': {e.Message}");
        }

        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        ConfigureSocket(socket);
        var connection = new Connection(this, socket, isInbound: false, association);
        if (!association.BeginOutbound(connection))
        {
            socket.Dispose();
            return new HandshakeOutcome(HandshakeResult.Duplicate, "another connection is being set up");
        }

        try
        {
            await connection.ConnectAsync(new IPEndPoint(ip, address.Port), token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            association.AbandonOutbound(connection);
            socket.Dispose();
            if (token.IsCancellationRequested)
            {
                throw new OperationCanceledException(token);
            }

            return connection.IsClosed
                ? new HandshakeOutcome(HandshakeResult.Duplicate, "superseded by the peer's connection while dialing")
                : new HandshakeOutcome(HandshakeResult.Failed, e is SocketException s ? $"connect failed: {s.SocketErrorCode}" : e.Message);
        }

        var handshake = new TaskCompletionSource<HandshakeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        Track(connection);
        connection.Start(handshake);
        return await handshake.Task.ConfigureAwait(false);
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        var token = ShutdownToken;
        while (!token.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && token.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                continue;
            }
            catch (Exception e)
            {
                RemoteLogMessages.ListenerFailed(Logger, e, BoundEndPoint?.ToString() ?? "?");
                return;
            }

            try
            {
                ConfigureSocket(socket);
            }
            catch (SocketException)
            {
                socket.Dispose();
                continue;
            }

            var connection = new Connection(this, socket, isInbound: true, association: null);
            Track(connection);
            if (IsShuttingDown)
            {
                connection.Close("the transport is shutting down");
            }

            connection.Start(handshakeDone: null);
        }
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken token)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return literal;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, token).ConfigureAwait(false);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
    }
}
