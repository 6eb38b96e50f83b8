using LithairAkka.Cluster;
using LithairAkka.Cmd;
using LithairAkka.Cmd.Membership;
using LithairAkka.Cmd.Replication;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Hosting;
using LithairAkka.Node.Startup;
using LithairAkka.Persistence.Log;
using LithairAkka.Remote;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Node.Hosting;

/// <summary>
/// Runs the node: storage, actor system (cluster), the replication group, its peers, the HTTP servers and the pbm
/// command host. Stopping
/// runs <see cref="CoordinatedShutdown"/>: a leader hands leadership over, the servers finish requests in flight, the
/// actor system terminates, then storage closes.
/// </summary>
internal sealed class NodeService : IHostedService, IAsyncDisposable
{
    private readonly NodeSettings _settings;
    private readonly ConfiguredStateMachine _stateMachine;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _log;
    private ILogStore? _logStore;
    private ActorSystem? _system;
    private NodeHttpServers? _servers;
    private Management.Bootstrap.ClusterBootstrap? _bootstrap;
    private volatile bool _stopping;

    public NodeService(NodeSettings settings, ConfiguredStateMachine stateMachine, ILoggerFactory loggerFactory, IHostApplicationLifetime lifetime)
    {
        _settings = settings;
        _stateMachine = stateMachine;
        _loggerFactory = loggerFactory;
        _lifetime = lifetime;
        _log = loggerFactory.CreateLogger("LithairAkka.Node");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartNodeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The host does not stop a service that failed to start: release what was opened before failing.
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartNodeAsync(CancellationToken cancellationToken)
    {
        var settings = _settings;
        var voters = ConfiguredPeers.Voters(settings);
        NodeLog.Starting(_log, settings.Node.Value, settings.DataDirectory, settings.LogStore.Describe(), string.Join(",", voters.Voters));
        _logStore = await NodeLogStore.OpenAsync(settings, _loggerFactory, cancellationToken).ConfigureAwait(false);
        var snapshots = new FileSnapshotStore(Path.Combine(settings.DataDirectory, "snapshots"));
        _system = ActorSystem.Create(NodeSettings.SystemName, settings.Config, ActorSystemSetup.Empty.WithLoggerFactory(_loggerFactory));
        var remote = RemoteExtension.Get(_system);
        var options = new ReplicaGroupOptions(
            settings.Node, NodeSettings.Group, voters, _logStore, snapshots, _stateMachine.Props, settings.Replication)
        {
            Time = _system.TimeProvider,
            StaticLeader = settings.StaticLeader,
        };
        var group = _system.ActorOf(ReplicaGroup.Props(options), NodeSettings.GroupActorName);
        var selfAddress = $"{remote.Address.Host}:{remote.Address.Port}";
        var directory = new GroupDirectory(settings.Node, group, selfAddress);
        ConfiguredPeers.Apply(_system, directory, settings);
        PeerConnectionRelay.Start(_system, directory.Connections);
        ReplicaVoters.Start(_system, directory, settings);
        var membership = NodeBootstrap.Membership(_system, settings);

        _servers = new NodeHttpServers(new NodeHttpOptions(directory, settings.Http, settings.Management)
        {
            Faults = () => remote.Faults,
            LoggerFactory = _loggerFactory,
            Time = _system.TimeProvider,
            Membership = membership,
            ServesKeyValue = _stateMachine.IsKeyValue,
        });
        await _servers.StartAsync(cancellationToken).ConfigureAwait(false);
        _bootstrap = NodeBootstrap.Start(_system, settings, _servers.ManagementAddress.Port, _loggerFactory);
        var admin = new ReplicationAdmin(directory, settings.Http, _system.TimeProvider);
        var cmdEndpoint = await StartCommandHostAsync(_system, group, membership, admin, cancellationToken).ConfigureAwait(false);
        RegisterShutdown(_system, _servers, admin);
        NodeLog.Serving(_log, settings.Node.Value, _servers.DataAddress, _servers.ManagementAddress, selfAddress, cmdEndpoint.ToString());
        _ = _system.WhenTerminated.ContinueWith(
            _ =>
            {
                if (!_stopping)
                {
                    NodeLog.SystemTerminated(_log);
                    _lifetime.StopApplication();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (_bootstrap is not null)
        {
            await _bootstrap.DisposeAsync().ConfigureAwait(false);
            _bootstrap = null;
        }

        if (_system is not null)
        {
            await CoordinatedShutdown.Get(_system).Run(CoordinatedShutdown.ClrExitReason.Instance).ConfigureAwait(false);
        }

        await DisposeAsync().ConfigureAwait(false);
        NodeLog.Stopped(_log, _settings.Node.Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.DisposeAsync().ConfigureAwait(false);
            _servers = null;
        }

        // After the actor system terminated, no group writes to the log any more.
        if (_logStore is not null)
        {
            await _logStore.DisposeAsync().ConfigureAwait(false);
            _logStore = null;
        }
    }

    // The pbm host on petabridge.cmd.port, with the cluster and replication palettes (StartAsync is idempotent).
    private static async Task<System.Net.IPEndPoint> StartCommandHostAsync(
        ActorSystem system, IActorRef group, ReachabilityObserver membership, ReplicationAdmin admin, CancellationToken token)
    {
        var cmd = PetabridgeCmd.Get(system);
        cmd.RegisterCommandPalette(new ClusterCommands(membership));
        cmd.RegisterCommandPalette(new ReplicationCommands(group, new NodeReplicationControl(admin)));
        return await cmd.StartAsync(token).ConfigureAwait(false);
    }

    private void RegisterShutdown(ActorSystem system, NodeHttpServers servers, ReplicationAdmin admin)
    {
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "hand-over-leadership", async () =>
        {
            if (_settings.Replication.Election == ElectionMode.Static)
            {
                // A static election has no one to hand over to: the followers never campaign.
                return Done.Instance;
            }

            NodeLog.HandingOver(_log);
            using var timeout = new CancellationTokenSource(shutdown.Timeout(CoordinatedShutdown.PhaseBeforeServiceUnbind));
            try
            {
                if (await admin.HandOverLeadershipAsync(timeout.Token).ConfigureAwait(false) is { } leader)
                {
                    NodeLog.HandedOver(_log, leader.Value);
                }
            }
            catch (OperationCanceledException)
            {
                // The phase timed out: shut down anyway; the others elect a leader after the election timeout.
            }

            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "stop-http", async () =>
        {
            using var timeout = new CancellationTokenSource(shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind));
            await Task.WhenAll(servers.StopAsync(timeout.Token), PetabridgeCmd.Get(system).StopAsync()).ConfigureAwait(false);
            NodeLog.HttpStopped(_log);
            return Done.Instance;
        });
    }
}
