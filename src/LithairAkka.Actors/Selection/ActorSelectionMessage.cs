namespace LithairAkka.Actors;

/// <summary>
/// A message travelling along a selection path. Local refs deliver it by walking their children; a remote ref ships
/// it, and the receiving side continues with <see cref="ActorSelection.DeliverSelection"/>.
/// </summary>
/// <param name="Message">The payload.</param>
/// <param name="Elements">The remaining path elements.</param>
/// <param name="WildcardFanOut">True once a wildcard fanned the message out (no empty-identity answers then).</param>
public sealed record ActorSelectionMessage(object Message, IReadOnlyList<SelectionPathElement> Elements, bool WildcardFanOut)
    : IAutoReceivedMessage;
