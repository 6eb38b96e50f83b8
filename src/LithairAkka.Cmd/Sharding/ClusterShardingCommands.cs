using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Sharding;

/// <summary>
/// The <c>cluster-sharding</c> palette of INTERFACE.md §7 (Petabridge.Cmd's names): <c>regions</c>,
/// <c>region-stats -r REGION</c>, <c>shard-stats -r REGION</c> and <c>rebalance -r REGION</c>. This handler serves a node
/// without cluster sharding: every command fails (exit code 1) with "cluster sharding is not enabled on this node".
/// The host registers it when it starts unless a palette named <c>cluster-sharding</c> was registered first, which is
/// how a sharding module provides the real commands. Stateless and thread-safe.
/// </summary>
public sealed class ClusterShardingCommands : CommandPaletteHandler
{
    /// <summary>The palette's name.</summary>
    public const string PaletteName = "cluster-sharding";

    /// <summary>The answer of every command on a node without sharding.</summary>
    public const string NotEnabledMessage = "cluster sharding is not enabled on this node";

    private static readonly CommandArgument Region =
        new("region", "The sharding region (the entity type name)", IsRequired: true, Switch: "-r");

    /// <summary>The palette's definition, shared by every implementation of it.</summary>
    public static readonly CommandPalette Definition = new(PaletteName, "Inspect and rebalance cluster sharding regions",
    [
        new CommandDefinition("regions", "List the sharding regions of this node"),
        new CommandDefinition("region-stats", "Entities per shard of a region on this node", [Region]),
        new CommandDefinition("shard-stats", "Shards and entities of a region across the cluster", [Region]),
        new CommandDefinition("rebalance", "Start a rebalance of a region's shards", [Region]),
    ]);

    /// <summary>Creates the handler.</summary>
    public ClusterShardingCommands()
        : base(Definition)
    {
    }

    /// <inheritdoc />
    /// <exception cref="CommandFailedException">Always: sharding is not enabled on this node.</exception>
    public override Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token) =>
        throw new CommandFailedException(NotEnabledMessage + ".");
}
