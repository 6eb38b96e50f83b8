using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;
using LithairAkka.Remote.Transport.Diagnostics;
using LithairAkka.Remote.Transport.FaultInjection;
using LithairAkka.Remote.Transport.Protocol;
using LithairAkka.Remote.Transport.Tls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LithairAkka.Remote.Transport;

/// <summary>
/// The node-to-node transport: a TCP listener, one logical <see cref="Association"/> per remote address,
/// length-prefixed frames (4-byte big-endian length, <c>maximum-frame-size</c>), a handshake that checks
/// protocol version, system name, secure cookie and incarnation uid, optional mutual TLS, reconnection with
/// backoff, quarantine of old incarnations, and run-time <see cref="Faults"/>.
/// </summary>
/// <remarks>
/// Life cycle: construct, <see cref="StartAsync"/> (binds; <see cref="LocalAddress"/> is then known, port 0
/// included), send through <see cref="GetAssociation"/> / <see cref="AssociationHandle"/>, receive through the
/// <see cref="InboundFrameHandler"/>, observe <see cref="AssociationEvent"/>s, <see cref="DisposeAsync"/>.
/// All members are thread-safe.
/// </remarks>
public sealed partial class RemoteTransport : IAsyncDisposable
{
    private readonly ConcurrentDictionary<RemoteAddress, Association> _associations = new();
    private readonly ConcurrentDictionary<Connection, byte> _connections = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Channel<AssociationEvent> _events = Channel.CreateUnbounded<AssociationEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<AssociationEvent>? _onEvent;
    private readonly Task _eventDispatch;
    private RemoteAddress _localAddress;
    private int _started;
    private int _disposed;

    /// <summary>Creates a transport; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <param name="settings">Validated here.</param>
    /// <param name="onFrame">Receives every inbound data frame; see <see cref="InboundFrameHandler"/> for threading and buffer ownership.</param>
    /// <param name="onEvent">Receives association events in order, one at a time, on a dedicated loop; may be null.</param>
    /// <param name="loggerFactory">Logging; null for none.</param>
    /// <param name="timeProvider">Clock and timers (backoff, timeouts, delays); null for <see cref="TimeProvider.System"/>.</param>
    /// <param name="uid">This incarnation's uid (the actor system's uid); 0 draws a random non-zero one.</param>
    /// <exception cref="RemoteConfigurationException">The settings are invalid or a certificate cannot be loaded.</exception>
    public RemoteTransport(
        RemoteTransportSettings settings,
        InboundFrameHandler onFrame,
        Action<AssociationEvent>? onEvent = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        long uid = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(onFrame);
        settings.Validate();
        Settings = settings;
        FrameHandler = onFrame;
        _onEvent = onEvent;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LithairAkka.Remote.Transport");
        Time = timeProvider ?? TimeProvider.System;
        Uid = uid != 0 ? uid : NewUid();
        Faults = new FaultInjector(Logger);
        Metrics = new RemoteMetrics();
        if (settings.EnableSsl)
        {
            Tls = new TlsContext(settings.Ssl, Time);
            if (settings.Ssl.SuppressValidation)
            {
                RemoteLogMessages.ValidationSuppressed(Logger);
            }
        }

        _eventDispatch = Task.Run(DispatchEventsAsync);
    }

    /// <summary>The settings in force.</summary>
    public RemoteTransportSettings Settings { get; }

    /// <summary>This incarnation's uid, announced in every handshake.</summary>
    public long Uid { get; }

    /// <summary>The address advertised to peers (public host and port, the bound port when <c>port = 0</c>).</summary>
    /// <exception cref="InvalidOperationException">Not started yet.</exception>
    public RemoteAddress LocalAddress =>
        Volatile.Read(ref _started) != 0 ? _localAddress : throw new InvalidOperationException("The remoting transport is not started.");

    /// <summary>The listener's actual end point, or null before <see cref="StartAsync"/>.</summary>
    public IPEndPoint? BoundEndPoint { get; private set; }

    /// <summary>Run-time fault injection (blackhole, drop, delay) per peer.</summary>
    public FaultInjector Faults { get; }

    /// <summary>A snapshot of the counters.</summary>
    public RemoteTransportStatistics Statistics => Metrics.Snapshot();

    /// <summary>Every association created so far.</summary>
    public IReadOnlyCollection<Association> Associations => [.. _associations.Values];

    internal ILogger Logger { get; }

    internal TimeProvider Time { get; }

    internal RemoteMetrics Metrics { get; }

    internal TlsContext? Tls { get; }

    internal InboundFrameHandler FrameHandler { get; }

    internal CancellationToken ShutdownToken => _shutdown.Token;

    internal bool IsShuttingDown => Volatile.Read(ref _disposed) != 0;

    /// <summary>The association with <paramref name="address"/>, created on first use (it connects when there is something to send).</summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    /// <exception cref="ArgumentException"><paramref name="address"/> is this node's own address.</exception>
    public Association GetAssociation(RemoteAddress address)
    {
        if (address == LocalAddress)
        {
            throw new ArgumentException($"{address} is this node's own address; local delivery does not go through remoting.", nameof(address));
        }

        return GetOrCreateAssociation(address);
    }

    /// <summary>Queues a frame for <paramref name="address"/>; shorthand for <c>GetAssociation(address).TrySend(payload)</c>.</summary>
    public SendResult TrySend(RemoteAddress address, ReadOnlySpan<byte> payload) =>
        IsShuttingDown ? SendResult.ShutDown : GetAssociation(address).TrySend(payload);

    /// <summary>Connects to <paramref name="address"/> if needed and completes once associated (retrying with backoff).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled.</exception>
    public Task<AssociationHandle> AssociateAsync(RemoteAddress address, CancellationToken token = default) =>
        GetAssociation(address).AssociateAsync(token);

    /// <summary>
    /// Quarantines incarnation <paramref name="uid"/> at <paramref name="address"/> for good: its connection
    /// closes, frames for it are dropped, it can never associate again, and a <see cref="QuarantinedEvent"/> is
    /// raised. A later incarnation (another uid) at the same address can associate.
    /// </summary>
    /// <returns>False when it was already quarantined.</returns>
    public bool Quarantine(RemoteAddress address, long uid, string reason) =>
        GetAssociation(address).Quarantine(uid, reason);

    internal Association GetOrCreateAssociation(RemoteAddress address) =>
        _associations.GetOrAdd(address, static (a, transport) => new Association(transport, a), this);

    internal Hello CreateHello() =>
        new(Settings.ProtocolVersion, Uid, Settings.MaximumFrameSize, RandomNumberGenerator.GetBytes(Hello.NonceSize), LocalAddress, Settings.SystemName);

    internal void Track(Connection connection)
    {
        _connections.TryAdd(connection, 0);
        Metrics.ConnectionOpened();
    }

    internal void Untrack(Connection connection)
    {
        if (_connections.TryRemove(connection, out _))
        {
            Metrics.ConnectionClosed();
        }
    }

    private static long NewUid()
    {
        long uid;
        do
        {
            uid = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));
        }
        while (uid == 0);
        return uid;
    }

    private void ConfigureSocket(Socket socket)
    {
        socket.NoDelay = Settings.TcpNoDelay;
        socket.SendBufferSize = Settings.SendBufferSize;
        socket.ReceiveBufferSize = Settings.ReceiveBufferSize;
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, Settings.TcpKeepAlive);
    }
}
