using System.Globalization;
using LithairAkka.Hocon;
using LithairAkka.Management.Bootstrap;
using LithairAkka.Management.Settings;
using LithairAkka.Remote.Transport;
using LithairAkka.Replication.Settings;

namespace LithairAkka.Node.Startup;

/// <summary>
/// Loads the HOCON file, applies the §3 options, gives node <c>i</c> its ports (base + i, unless the file sets them)
/// and binds and validates every section, so that the node refuses to start with one line naming what is wrong.
/// </summary>
internal static partial class NodeConfiguration
{
    private const string NodeSection = "lithair.node";

    // Base ports of node 0 (INTERFACE.md §2); node i adds i unless the configuration sets the key.
    private static readonly (string Key, int Base)[] Ports =
    [
        ("lithair.http.port", 8080),
        ("akka.remote.dot-netty.tcp.port", 4053),
        ("akka.management.http.port", 8558),
        ("petabridge.cmd.port", 9110),
    ];

    /// <summary>Builds the node's settings.</summary>
    /// <exception cref="StartupException">A bad option or configuration value; the message names it and its expected form.</exception>
    public static NodeSettings Load(NodeArguments arguments, string workingDirectory)
    {
        var file = LoadFile(arguments.ConfigFile, workingDirectory);
        try
        {
            var node = ParseNodeId(arguments.NodeId ?? OptionalString(file, NodeSection + ".id"));
            var rawPeers = arguments.Peers ?? OptionalString(file, NodeSection + ".peers") ?? string.Empty;
            var defaults = new System.Text.StringBuilder("akka.actor.provider = cluster\n");
            var bootstrap = BootstrapEnabled(file);

            // With bootstrap the seed nodes come from probing the contact points, never from --peers.
            defaults.Append(Hosting.ClusterMembership.ConfigDefaults(file, node, bootstrap ? string.Empty : rawPeers));
            foreach (var (key, basePort) in Ports)
            {
                if (!file.HasPath(key))
                {
                    var port = basePort + node.Value;
                    if (port > 65535)
                    {
                        throw new StartupException($"--node-id {node.Value} puts {key} at {port}, above 65535; set {key} explicitly.");
                    }

                    defaults.Append(CultureInfo.InvariantCulture, $"{key} = {port}\n");
                }
            }

            var config = file.WithFallback(ConfigurationFactory.ParseString(defaults.ToString()));
            var full = config.WithFallback(ActorSystem.ReferenceConfig);
            var replication = BindReplication(full);
            var rawLeader = arguments.Leader ?? OptionalString(full, NodeSection + ".leader");
            var leader = ParseLeader(rawLeader);
            ValidateElection(replication, leader);
            var join = full.GetBoolean(NodeSection + ".join", false);
            if (join && replication.Election == ElectionMode.Static)
            {
                throw new StartupException("lithair.node.join (LITHAIR_JOIN) needs lithair.replication.election = auto: a static group's members are fixed.");
            }

            // Bound here only to refuse a bad remoting section before anything starts.
            _ = RemoteTransportSettings.FromConfig(full, NodeSettings.SystemName);
            _ = LithairAkka.Cmd.Hosting.PetabridgeCmdSettings.FromConfig(full);
            var remotingBase = Ports[1].Base;
            var peers = ParsePeers(rawPeers, node, remotingBase);
            var data = arguments.DataDirectory ?? OptionalString(full, NodeSection + ".data-dir")
                ?? Path.Combine("data", "node-" + node.Value.ToString(CultureInfo.InvariantCulture));
            data = Path.GetFullPath(data, workingDirectory);
            CreateDataDirectory(data);
            return new NodeSettings(
                node,
                data,
                peers,
                config,
                replication,
                HttpSettings.FromConfig(full),
                ManagementSettings.FromConfig(full),
                ParseLogLevel(full.GetString("akka.loglevel", "INFO")),
                ParseLogFormat(full.GetString(NodeSection + ".log-format", "simple")),
                LogStoreSettings.FromConfig(full, data),
                ClusterBootstrapSettings.FromConfig(full, NodeSettings.SystemName))
            {
                StaticLeader = replication.Election == ElectionMode.Static && (leader || (rawLeader is null && node.Value == 0)),
                JoinExisting = join,
            };
        }
        catch (ConfigurationException ex)
        {
            throw new StartupException(ex.Message, ex);
        }
    }

    /// <summary>The one-line summary <c>--check-config</c> prints for valid settings.</summary>
    public static string Describe(NodeSettings settings)
    {
        var peers = settings.Peers.Count == 0 ? "none" : string.Join(",", settings.Peers.Select(p => $"{p.Node.Value}@{p.Address}"));
        var cluster = settings.Bootstrap.Enabled ? "bootstrap" : "seed-nodes";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"lithair-node: configuration OK: node {settings.Node.Value}, peers {peers}, data {settings.DataDirectory}, log store {settings.LogStore.Describe()}, cluster by {cluster}, http {settings.Http.Hostname}:{settings.Http.Port}, management {settings.Management.Hostname}:{settings.Management.Port}");
    }

    private static Config LoadFile(string? explicitFile, string workingDirectory)
    {
        string? path;
        if (explicitFile is not null)
        {
            path = Path.GetFullPath(explicitFile, workingDirectory);
            if (!File.Exists(path))
            {
                throw new StartupException($"--config: the file '{path}' does not exist; expected a HOCON file such as hocon/node.conf.");
            }
        }
        else
        {
            path = new[] { Path.Combine(workingDirectory, "hocon", "node.conf"), Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf") }
                .FirstOrDefault(File.Exists);
            if (path is null)
            {
                return Config.Empty;
            }
        }

        try
        {
            return ConfigurationFactory.ParseFile(path);
        }
        catch (ConfigurationException ex)
        {
            throw new StartupException($"{path}: {ex.Message}", ex);
        }
    }

    private static ReplicationSettings BindReplication(Config config)
    {
        try
        {
            return ReplicationSettings.FromConfig(config);
        }
        catch (ConfigurationException ex) when (ex.Path is { } path && !path.StartsWith(ReplicationSettings.SectionPath, StringComparison.Ordinal))
        {
            // The section is bound from a sub-config, so type errors name the key relative to it.
            var full = ReplicationSettings.SectionPath + "." + path;
            throw new StartupException(ex.Message.Replace($"'{path}'", $"'{full}'", StringComparison.Ordinal), ex);
        }
    }

    private static string? OptionalString(Config config, string path) => config.HasPath(path) ? config.GetString(path) : null;
}
