using LithairAkka.Actors;
using LithairAkka.Cluster;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Membership;

/// <summary>
/// The <c>cluster</c> palette (after Petabridge.Cmd's), registered by a node that runs the cluster:
/// <c>cluster show</c>, <c>cluster leader</c>, <c>cluster unreachable</c>, <c>cluster join ADDR</c>,
/// <c>cluster leave ADDR</c>, <c>cluster down ADDR</c>, <c>cluster down-unreachable</c> and <c>cluster tail</c>.
/// Addresses are <c>akka.tcp://system@host:port</c>, <c>system@host:port</c> or <c>host:port</c>.
/// </summary>
/// <remarks>Reads <see cref="LithairAkka.Cluster.Cluster.State"/> and the <see cref="ReachabilityObserver"/>; thread-safe.</remarks>
public sealed partial class ClusterCommands : CommandPaletteHandler
{
    /// <summary>The palette's definition.</summary>
    public static readonly CommandPalette Definition = new(
        "cluster",
        "Inspect and change the cluster membership",
        [
            new CommandDefinition("show", "Every member: address, roles, status, reachability and app version"),
            new CommandDefinition("leader", "The cluster leader"),
            new CommandDefinition("unreachable", "The unreachable members and who observes them"),
            new CommandDefinition("join", "Join this node to the cluster of ADDR", [
                new CommandArgument("address", "A member of the cluster to join", IsRequired: true),
            ]),
            new CommandDefinition("leave", "Ask the member at ADDR to leave gracefully", [
                new CommandArgument("address", "The member's address", IsRequired: true),
            ]),
            new CommandDefinition("down", "Mark the member at ADDR as down", [
                new CommandArgument("address", "The member's address", IsRequired: true),
            ]),
            new CommandDefinition("down-unreachable", "Mark every unreachable member as down"),
            new CommandDefinition("tail", "Stream membership events until cancelled (Ctrl-C)"),
        ]);

    private readonly ReachabilityObserver _membership;

    /// <summary>Creates the palette over the node's cluster.</summary>
    /// <param name="membership">The node's reachability observer (which gives its <see cref="LithairAkka.Cluster.Cluster"/>).</param>
    public ClusterCommands(ReachabilityObserver membership)
        : base(Definition)
    {
        ArgumentNullException.ThrowIfNull(membership);
        _membership = membership;
    }

    /// <inheritdoc />
    public override Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(context);
        return invocation.Command.Name switch
        {
            "show" => ShowAsync(context, token),
            "leader" => LeaderAsync(context, token),
            "unreachable" => UnreachableAsync(context, token),
            "join" => JoinAsync(invocation.GetString("address")!, context, token),
            "leave" => MemberOperationAsync(invocation.GetString("address")!, "Leaving", a => _membership.Cluster.Leave(a), context, token),
            "down" => MemberOperationAsync(invocation.GetString("address")!, "Downing", a => _membership.Cluster.Down(a), context, token),
            "down-unreachable" => DownUnreachableAsync(context, token),
            _ => TailAsync(context, token),
        };
    }

    private async Task ShowAsync(CommandContext context, CancellationToken token)
    {
        var state = _membership.Cluster.State;
        foreach (var member in state.Members)
        {
            var roles = string.Join(",", member.Roles.Order(StringComparer.Ordinal));
            var status = member.Status.ToString().ToLowerInvariant();
            var reachability = state.Unreachable.Contains(member) ? "unreachable" : "reachable";
            var version = member.AppVersion.ToString();
            await context.Output.WriteAsync(CommandOutput.Message($"{member.Address} | [{roles}] | {status} | {reachability} | {version}", [
                new OutputField("address", member.Address.ToString()),
                new OutputField("uid", MemberAddress.UidText(member)),
                new OutputField("roles", roles),
                new OutputField("status", status),
                new OutputField("reachability", reachability),
                new OutputField("app-version", version),
            ]), token).ConfigureAwait(false);
        }

        await WriteCountAsync(context, state.Members.Count, token).ConfigureAwait(false);
    }

    private async Task LeaderAsync(CommandContext context, CancellationToken token)
    {
        var leader = _membership.Cluster.State.Leader?.ToString();
        await context.Output.WriteAsync(
            CommandOutput.Message(leader ?? "No leader: the cluster has no reachable Up member yet.", [new OutputField("leader", leader ?? string.Empty)]),
            token).ConfigureAwait(false);
    }

    private async Task UnreachableAsync(CommandContext context, CancellationToken token)
    {
        var unreachable = _membership.Cluster.State.Unreachable.OrderBy(m => m.Address, Member.AddressOrdering).ToArray();
        foreach (var member in unreachable)
        {
            var observers = string.Join(",", _membership.ObserversOf(member.UniqueAddress));
            var status = member.Status.ToString().ToLowerInvariant();
            await context.Output.WriteAsync(CommandOutput.Message($"{member.Address} | {status} | observed by [{observers}]", [
                new OutputField("address", member.Address.ToString()),
                new OutputField("status", status),
                new OutputField("observed-by", observers),
            ]), token).ConfigureAwait(false);
        }

        await WriteCountAsync(context, unreachable.Length, token).ConfigureAwait(false);
    }

    private async Task JoinAsync(string raw, CommandContext context, CancellationToken token)
    {
        var address = Parse(raw);
        _membership.Cluster.Join(address);
        await WriteActionAsync(context, "Joining", address, token).ConfigureAwait(false);
    }

    private async Task MemberOperationAsync(string raw, string verb, Action<Address> operation, CommandContext context, CancellationToken token)
    {
        var address = Parse(raw);
        if (MemberAddress.Find(_membership.Cluster.State, address) is null)
        {
            throw new CommandFailedException($"{address} is not a member of this node's cluster (see 'cluster show').");
        }

        operation(address);
        await WriteActionAsync(context, verb, address, token).ConfigureAwait(false);
    }

    private async Task DownUnreachableAsync(CommandContext context, CancellationToken token)
    {
        var unreachable = _membership.Cluster.State.Unreachable.OrderBy(m => m.Address, Member.AddressOrdering).ToArray();
        foreach (var member in unreachable)
        {
            _membership.Cluster.Down(member.Address);
            await WriteActionAsync(context, "Downing", member.Address, token).ConfigureAwait(false);
        }

        await WriteCountAsync(context, unreachable.Length, token).ConfigureAwait(false);
    }

    private Address Parse(string raw) =>
        MemberAddress.TryParse(raw, _membership.Cluster.SelfAddress, out var address)
            ? address
            : throw new CommandFailedException($"'{raw}' is not a member address: expected akka.tcp://system@host:port, system@host:port or host:port.");

    private static ValueTask WriteActionAsync(CommandContext context, string verb, Address address, CancellationToken token) =>
        context.Output.WriteAsync(
            CommandOutput.Message($"{verb} {address}", [new OutputField("action", verb.ToLowerInvariant()), new OutputField("address", address.ToString())]),
            token);

    private static ValueTask WriteCountAsync(CommandContext context, int count, CancellationToken token) =>
        context.Output.WriteAsync(
            CommandOutput.Message(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Count: {count} nodes"),
                [new OutputField("count", CommandOutput.Format(count))]),
            token);
}
