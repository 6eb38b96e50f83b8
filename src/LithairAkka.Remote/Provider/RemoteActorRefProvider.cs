using LithairAkka.Actors.Event;
using LithairAkka.Remote.Endpoint;
using LithairAkka.Remote.Serialization;
using LithairAkka.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote;

/// <summary>
/// The provider of <c>akka.actor.provider = remote</c> (Akka's <c>RemoteActorRefProvider</c>; the cluster's provider
/// derives from it). At start it binds the transport on <c>akka.remote.dot-netty.tcp.hostname:port</c>, so the system's
/// external address (<see cref="DefaultAddress"/>) becomes <c>akka.tcp://{system}@{host}:{port}</c>; local actors keep
/// their local paths (<c>akka://{system}/user/a</c>) and are written with the external address when they travel.
/// Paths of other nodes resolve to <see cref="RemoteActorRef"/>s; selections, Ask and death watch work across nodes.
/// Remote death watch is run by a <see cref="RemoteWatcher"/> at <c>/system/remote-watcher</c>. When the actor system
/// terminates, the transport shuts down after the last actor stopped (so the death notifications of stopping actors
/// still reach remote watchers), and <see cref="ActorSystem.WhenTerminated"/> completes after it. Thread-safe.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The metrics and the transport are disposed when the actor system terminates (ShutDownAfterAsync).")]
public partial class RemoteActorRefProvider : LocalActorRefProvider
{
    /// <summary>The protocol of remote addresses.</summary>
    public const string Protocol = "akka.tcp";

    private readonly EventStream _eventStream;
    private readonly EndpointMetrics _metrics = new();
    private RemoteTransport? _transport;
    private EndpointWriter? _writer;
    private EndpointReader? _reader;
    private Address? _address;
    private IActorRef? _remoteWatcher;
    private Task? _terminated;
    private ILogger? _logger;

    /// <summary>Creates the provider and binds its settings; the transport starts in <see cref="Init"/>.</summary>
    /// <exception cref="Hocon.ConfigurationException">An <c>akka.remote</c> setting is invalid; the message names the key.</exception>
    public RemoteActorRefProvider(string systemName, ActorSystemSettings settings, EventStream eventStream)
        : base(systemName, settings, eventStream)
    {
        _eventStream = eventStream;
        TransportSettings = RemoteTransportSettings.FromConfig(settings.Config, systemName);
        WatcherSettings = RemoteWatcherSettings.FromConfig(settings.Config);
    }

    /// <summary>The transport settings (<c>akka.remote</c>).</summary>
    public RemoteTransportSettings TransportSettings { get; }

    /// <summary>The remote watcher settings (<c>akka.remote.watch-failure-detector</c>).</summary>
    public RemoteWatcherSettings WatcherSettings { get; }

    /// <summary>This system's external address, <c>akka.tcp://{system}@{host}:{port}</c> (the local root address before <see cref="Init"/>).</summary>
    public override Address DefaultAddress => _address ?? RootPath.Address;

    /// <summary>The transport.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Init"/>.</exception>
    public RemoteTransport Transport => _transport ?? throw NotStarted();

    /// <summary>The uid of this actor system incarnation, announced in every handshake and heartbeat reply.</summary>
    public long AddressUid => Transport.Uid;

    /// <summary>The remote watcher <c>/system/remote-watcher</c>.</summary>
    public IActorRef RemoteWatcher => _remoteWatcher ?? throw NotStarted();

    /// <summary>Completes once the actors stopped and the transport shut down.</summary>
    public override Task TerminationTask => _terminated ?? base.TerminationTask;

    /// <summary>A snapshot of the message counters.</summary>
    public RemotingStatistics Statistics => _metrics.Snapshot();

    internal EndpointWriter Writer => _writer ?? throw NotStarted();

    /// <summary>
    /// Starts remoting: registers the remoting serializers, binds the transport (a port in use fails the system's
    /// start with the key to change), creates the guardians, then the remote watcher, then starts delivering frames.
    /// </summary>
    /// <exception cref="RemoteConfigurationException">The address cannot be bound.</exception>
    public override void Init(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var loggerFactory = system.LoggerFactory;
        _logger = loggerFactory.CreateLogger("LithairAkka.Remote.Endpoint");
        RemoteSerializers.Register(system);
        var serialization = Actors.Serialization.Serialization.Get(system);
        _reader = new EndpointReader(this, _metrics, _logger);
        _writer = new EndpointWriter(serialization, _metrics, _logger);
        var transport = new RemoteTransport(TransportSettings, _reader.OnFrame, OnTransportEvent, loggerFactory, system.TimeProvider);
        try
        {
            transport.StartAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new RemoteConfigurationException("akka.remote.dot-netty.tcp.port",
                $"akka.remote.dot-netty.tcp.port: cannot bind {TransportSettings.Hostname}:{TransportSettings.Port} ({e.SocketErrorCode}); choose a free port, or 0 for any",
                e);
        }

        _transport = transport;
        var local = transport.LocalAddress;
        _address = new Address(Protocol, RootPath.Address.System, local.Host, local.Port);
        base.Init(system);
        _terminated = ShutDownAfterAsync(base.TerminationTask);
        _remoteWatcher = system.SystemActorOf(RemoteWatcherProps(), "remote-watcher");
        _reader.Start(serialization, _remoteWatcher);
    }

    /// <summary>The props of the remote watcher; the cluster's provider returns its cluster-aware watcher.</summary>
    protected virtual Props RemoteWatcherProps()
    {
        var settings = WatcherSettings;
        return Props.Create(() => new RemoteWatcher(this, settings));
    }

    // Runs once every actor stopped: the queues still hold the death notifications of the last actors, and the
    // transport drains them (bounded by flush-wait-on-shutdown) before it says goodbye to its peers.
    private async Task ShutDownAfterAsync(Task actorsStopped)
    {
        await actorsStopped.ConfigureAwait(false);
        await Transport.DisposeAsync().ConfigureAwait(false);
        _metrics.Dispose();
    }

    private static InvalidOperationException NotStarted() => new("Remoting is not started yet: the actor system is still starting.");
}
