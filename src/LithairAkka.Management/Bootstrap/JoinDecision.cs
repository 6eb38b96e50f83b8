namespace LithairAkka.Management.Bootstrap;

/// <summary>The outcome of <see cref="LowestAddressJoinDecider.Decide"/>. Immutable.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="SeedNodes">The seed nodes to join (<see cref="JoinDecisionKind.JoinOtherSeedNodes"/>), never this node; else empty.</param>
/// <param name="Reason">Why, in one line, for the logs.</param>
public sealed record JoinDecision(JoinDecisionKind Kind, IReadOnlyList<Address> SeedNodes, string Reason)
{
    /// <summary>Keep probing, because of <paramref name="reason"/>.</summary>
    public static JoinDecision KeepProbing(string reason) => new(JoinDecisionKind.KeepProbing, [], reason);
}
