using LithairAkka.Actors;
using LithairAkka.Cmd.Palettes;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Leader;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Cmd.Replication;

/// <summary>
/// The <c>replication</c> palette, registered by a node that runs a replication group:
/// <c>replication status</c> (consensus state), <c>replication followers</c> (the leader's view of each follower),
/// <c>replication snapshot</c> (snapshot counters and the state machine's current snapshot),
/// <c>replication force-resync ADDR</c> and <c>replication transfer-leadership NODE_ID</c>.
/// </summary>
/// <remarks>
/// The read-only commands ask the node's <see cref="ReplicaGroup"/> actor directly (<see cref="GetGroupStatus"/>,
/// <see cref="GetSyncStatus"/>, <see cref="GetSnapshotCounters"/>, <see cref="TakeSnapshot"/>). The two operations
/// go through the <see cref="IReplicationControl"/> the node supplies; without one they fail with a clear line.
/// Thread-safe.
/// </remarks>
public sealed class ReplicationCommands : CommandPaletteHandler
{
    /// <summary>The palette's definition.</summary>
    public static readonly CommandPalette Definition = new(
        "replication",
        "Inspect and steer the replication group",
        [
            new CommandDefinition("status", "Role, term, leader and log indexes of this node"),
            new CommandDefinition("followers", "Health and lag of every follower (on the leader)"),
            new CommandDefinition("force-resync", "Resynchronise a follower from a snapshot (on the leader)", [
                new CommandArgument("address", "The follower's address", IsRequired: true),
            ]),
            new CommandDefinition("transfer-leadership", "Hand leadership to another voter (on the leader)", [
                new CommandArgument("node-id", "The new leader's node id", ArgumentType.Integer, IsRequired: true),
            ]),
            new CommandDefinition("snapshot", "Snapshot counters and the size of the current state"),
        ]);

    private readonly IActorRef _group;
    private readonly IReplicationControl? _control;

    /// <summary>Creates the palette over the node's replication group.</summary>
    /// <param name="group">The node's <see cref="ReplicaGroup"/> actor.</param>
    /// <param name="control">The node's replication operations, or <see langword="null"/> when it offers none.</param>
    public ReplicationCommands(IActorRef group, IReplicationControl? control = null)
        : base(Definition)
    {
        ArgumentNullException.ThrowIfNull(group);
        _group = group;
        _control = control;
    }

    /// <inheritdoc />
    public override Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(context);
        return invocation.Command.Name switch
        {
            "status" => StatusAsync(context, token),
            "followers" => FollowersAsync(context, token),
            "force-resync" => ForceResyncAsync(invocation.GetString("address")!, context, token),
            "transfer-leadership" => TransferAsync(invocation.GetInt64("node-id"), context, token),
            _ => SnapshotAsync(context, token),
        };
    }

    private async Task StatusAsync(CommandContext context, CancellationToken token)
    {
        var answer = await _group.Ask(GetGroupStatus.Instance, context.AskTimeout, token).ConfigureAwait(false);
        var status = answer as RaftStatus ?? throw new CommandFailedException("The replication group is still recovering; try again shortly.");
        await context.WriteRecordAsync(
            token,
            ("node", status.Node.Value),
            ("group", status.Group.Value),
            ("role", status.Role),
            ("term", status.Term),
            ("leader", status.Leader?.Value),
            ("commit-index", status.CommitIndex),
            ("applied-index", status.AppliedIndex),
            ("first-index", status.FirstIndex),
            ("last-index", status.LastIndex),
            ("voters", string.Join(",", status.Configuration.Voters.Select(v => v.Value))),
            ("learners", string.Join(",", status.Configuration.Learners.Select(v => v.Value))),
            ("transfer-target", status.LeadershipTransferTarget?.Value)).ConfigureAwait(false);
    }

    private async Task FollowersAsync(CommandContext context, CancellationToken token)
    {
        var answer = await _group.Ask(GetSyncStatus.Instance, context.AskTimeout, token).ConfigureAwait(false);
        var sync = answer switch
        {
            SyncStatus s => s,
            NotLeader { LeaderHint: { } leader } => throw new CommandFailedException(
                $"This node is not the leader; ask the leader, node {leader.Value}."),
            _ => throw new CommandFailedException("This node is not the leader, and no leader is known."),
        };
        var rows = sync.Followers
            .OrderBy(f => f.Node)
            .Select(f => (IReadOnlyList<string>)[
                CommandOutput.Format(f.Node.Value),
                f.Health.ToString().ToLowerInvariant(),
                CommandOutput.Format(f.MatchIndex),
                CommandOutput.Format(f.Lag),
                f.LastLatency is { } latency ? CommandOutput.Format(Math.Round(latency.TotalMilliseconds, 3)) : string.Empty,
                CommandOutput.Format(f.ConsecutiveFailures),
            ])
            .ToArray();
        await context.WriteTableAsync(["node", "health", "match-index", "lag", "latency-ms", "failures"], rows, token).ConfigureAwait(false);
    }

    private async Task SnapshotAsync(CommandContext context, CancellationToken token)
    {
        var counters = await _group.Ask<SnapshotCounters>(GetSnapshotCounters.Instance, context.AskTimeout, token).ConfigureAwait(false);
        var state = await _group.Ask<SnapshotTaken>(new TakeSnapshot(), context.AskTimeout, token).ConfigureAwait(false);
        await context.WriteRecordAsync(
            token,
            ("applied-index", state.AppliedIndex),
            ("state-bytes", state.Data.Length),
            ("snapshots-created", counters.SnapshotsCreated),
            ("send-attempts", counters.SendAttempts),
            ("send-successes", counters.SendSuccesses),
            ("send-failures", counters.SendFailures),
            ("snapshots-installed", counters.SnapshotsInstalled)).ConfigureAwait(false);
    }

    private async Task ForceResyncAsync(string target, CommandContext context, CancellationToken token)
    {
        var result = await Control("force-resync").ForceResyncAsync(target, token).ConfigureAwait(false);
        await Report(result, context, token, ("target", target)).ConfigureAwait(false);
    }

    private async Task TransferAsync(long target, CommandContext context, CancellationToken token)
    {
        var result = await Control("transfer-leadership").TransferLeadershipAsync(target, token).ConfigureAwait(false);
        await Report(result, context, token, ("target", target), ("leader", result.Leader)).ConfigureAwait(false);
    }

    private IReplicationControl Control(string command) =>
        _control ?? throw new CommandFailedException($"'replication {command}' is not available on this node: it provides no replication control.");

    private static async Task Report(
        ReplicationControlResult result, CommandContext context, CancellationToken token, params (string Name, object? Value)[] fields)
    {
        if (!result.Success)
        {
            throw new CommandFailedException(result.Message);
        }

        await context.WriteRecordAsync(token, [.. fields, ("success", true), ("message", result.Message)]).ConfigureAwait(false);
    }
}
