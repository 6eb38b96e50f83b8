using System.Globalization;
using LithairAkka.Remote.Transport;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Settings;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Node.Startup;

/// <content>Parsing and validating the individual options.</content>
internal static partial class NodeConfiguration
{
    private static NodeId ParseNodeId(string? raw)
    {
        if (raw is null)
        {
            return new NodeId(0);
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new NodeId(id)
            : throw new StartupException($"--node-id (LITHAIR_NODE_ID, lithair.node.id) must be a non-negative integer, not '{raw}'.");
    }

    private static bool ParseLeader(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "off" or "no" or "0" => false,
        "true" or "on" or "yes" or "1" => true,
        _ => throw new StartupException($"LITHAIR_IS_LEADER (lithair.node.leader) must be true or false, not '{raw}'."),
    };

    private static void ValidateElection(ReplicationSettings replication, bool leader)
    {
        if (leader && replication.Election != ElectionMode.Static)
        {
            throw new StartupException(
                "--leader (LITHAIR_IS_LEADER) is only valid with lithair.replication.election = static; with election = auto the nodes elect their leader.");
        }
    }

    /// <summary>
    /// <c>ID@HOST:PORT</c> or <c>HOST:PORT</c>, comma-separated; this node's own entry, if listed, is skipped. Without an
    /// id, the id is the port's offset from the base remoting port (node i listens on 4053 + i by default).
    /// </summary>
    private static IReadOnlyList<PeerAddress> ParsePeers(string raw, NodeId self, int remotingBase)
    {
        var peers = new List<PeerAddress>();
        foreach (var entry in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            var addressText = at < 0 ? entry : entry[(at + 1)..];
            if (!RemoteAddress.TryParse(addressText, out var address)
                || (at >= 0 && !int.TryParse(entry[..at], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new StartupException($"--peers (LITHAIR_RAFT_PEERS): '{entry}' is not HOST:PORT or ID@HOST:PORT.");
            }

            var id = at >= 0 ? int.Parse(entry[..at], CultureInfo.InvariantCulture) : address.Port - remotingBase;
            if (id < 0)
            {
                throw new StartupException($"--peers (LITHAIR_RAFT_PEERS): '{entry}' has no node id; write it as ID@{addressText}.");
            }

            var node = new NodeId(id);
            if (node == self)
            {
                // The same list may be given to every node: this node's own entry is skipped.
                continue;
            }

            if (peers.Any(p => p.Node == node))
            {
                throw new StartupException($"--peers (LITHAIR_RAFT_PEERS): node id {id} ('{entry}') is given twice; each peer needs its own id.");
            }

            peers.Add(new PeerAddress(node, address));
        }

        return peers;
    }

    // Bootstrap decides the seed nodes itself: a configured seed list besides it would form a second way in.
    private static bool BootstrapEnabled(LithairAkka.Hocon.Config file)
    {
        const string key = Management.Bootstrap.ClusterBootstrapSettings.SectionPath + ".enabled";
        if (!file.GetBoolean(key, false))
        {
            return false;
        }

        if (file.HasPath("akka.cluster.seed-nodes") && file.GetStringList("akka.cluster.seed-nodes").Count > 0)
        {
            throw new StartupException($"{key} = on forms the cluster without seed nodes; leave akka.cluster.seed-nodes empty (or turn bootstrap off).");
        }

        return true;
    }

    private static LogLevel ParseLogLevel(string raw) => raw.ToUpperInvariant() switch
    {
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Information,
        "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "OFF" => LogLevel.None,
        _ => throw new StartupException($"akka.loglevel must be DEBUG, INFO, WARNING, ERROR or OFF, not '{raw}'."),
    };

    private static bool ParseLogFormat(string raw) => raw switch
    {
        "simple" => false,
        "json" => true,
        _ => throw new StartupException($"lithair.node.log-format must be simple or json, not '{raw}'."),
    };

    private static void CreateDataDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"--data (LITHAIR_DATA, lithair.node.data-dir): cannot create '{path}': {ex.Message}", ex);
        }
    }
}
