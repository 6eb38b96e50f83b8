using System.Net;
using System.Net.Sockets;
using LithairAkka.Actors;
using LithairAkka.Cmd.Hosting;

namespace LithairAkka.Cmd;

/// <content>The TCP listener: bind, accept loop, stop.</content>
public sealed partial class PetabridgeCmd
{
    private Task<IPEndPoint>? _started;
    private Socket? _listener;
    private CancellationTokenSource? _acceptCancellation;
    private Task _acceptLoop = Task.CompletedTask;
    private IActorRef? _hostActor;
    private int _generation;

    /// <summary>
    /// Starts listening and answers the bound endpoint. While started, later calls return the same task; after
    /// <see cref="StopAsync"/> it starts again (binding anew).
    /// </summary>
    /// <exception cref="SocketException">The address cannot be bound (e.g. the port is taken).</exception>
    /// <remarks>
    /// A node without cluster sharding answers the <c>cluster-sharding</c> commands with "not enabled": the host
    /// registers <see cref="Sharding.ClusterShardingCommands"/> here unless a <c>cluster-sharding</c> palette was
    /// registered before. The palettes of <c>petabridge.cmd.palettes</c> are registered here too.
    /// </remarks>
    /// <exception cref="LithairAkka.Hocon.ConfigurationException">A configured palette's constructor failed.</exception>
    public Task<IPEndPoint> StartAsync(CancellationToken token = default)
    {
        foreach (var type in Settings.Palettes)
        {
            var handler = PaletteLoader.Create(type, _system);
            if (!RegisterCommandPalette(handler) && !Handlers[handler.Palette.Name].GetType().Equals(type))
            {
                throw new LithairAkka.Hocon.ConfigurationException(
                    $"Invalid {PaletteLoader.PalettesPath}: '{type.FullName}' serves palette '{handler.Palette.Name}', which another palette already has.",
                    PaletteLoader.PalettesPath, null, 0, 0);
            }
        }

        RegisterCommandPalette(new Sharding.ClusterShardingCommands());
        lock (_lock)
        {
            return _started ??= StartCoreAsync(token);
        }
    }

    /// <summary>Stops listening and closes every client connection. Idempotent.</summary>
    public async Task StopAsync()
    {
        Socket? listener;
        IActorRef? host;
        CancellationTokenSource? cancellation;
        lock (_lock)
        {
            (listener, _listener) = (_listener, null);
            (host, _hostActor) = (_hostActor, null);
            (cancellation, _acceptCancellation) = (_acceptCancellation, null);
            _started = null;
            LocalEndPoint = null;
        }

        if (cancellation is not null)
        {
            await cancellation.CancelAsync().ConfigureAwait(false);
        }

        listener?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        cancellation?.Dispose();
        if (host is not null)
        {
            _system.Stop(host);
        }
    }

    private async Task<IPEndPoint> StartCoreAsync(CancellationToken token)
    {
        var address = IPAddress.TryParse(Settings.Host, out var parsed)
            ? parsed
            : (await Dns.GetHostAddressesAsync(Settings.Host, token).ConfigureAwait(false))[0];
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(address, Settings.Port));
            listener.Listen(64);
        }
        catch
        {
            listener.Dispose();
            lock (_lock)
            {
                _started = null;
            }

            throw;
        }

        var endPoint = (IPEndPoint)listener.LocalEndPoint!;
        var cancellation = new CancellationTokenSource();
        // A restarted host gets a new name: the previous one may still be stopping.
        var generation = Interlocked.Increment(ref _generation);
        var host = _system.SystemActorOf(CommandHost.Props(this), generation == 1 ? "petabridge-cmd" : $"petabridge-cmd-{generation}");
        lock (_lock)
        {
            _listener = listener;
            _acceptCancellation = cancellation;
            _hostActor = host;
            LocalEndPoint = endPoint;
            _acceptLoop = AcceptLoopAsync(listener, host, cancellation.Token);
        }

        Actors.CoordinatedShutdown.Get(_system).AddTask(
            Actors.CoordinatedShutdown.PhaseServiceUnbind,
            "petabridge-cmd-unbind",
            async () =>
            {
                await StopAsync().ConfigureAwait(false);
                return Done.Instance;
            });
        if (Settings.LogPalettesOnStartup)
        {
            _log.Info(
                "pbm command host listening on {EndPoint}; palettes: {Palettes}",
                endPoint,
                string.Join(", ", Palettes.Select(p => p.Name)));
        }

        return endPoint;
    }

    private async Task AcceptLoopAsync(Socket listener, IActorRef host, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (token.IsCancellationRequested && e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                _log.Warning("pbm command host: accepting a connection failed: {Reason}", e.Message);
                continue;
            }

            client.NoDelay = true;
            host.Tell(new CommandHost.Accepted(client), ActorRefs.NoSender);
        }
    }
}
