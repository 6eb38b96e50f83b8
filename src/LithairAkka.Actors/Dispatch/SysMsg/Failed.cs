namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>Sent by a failed child to its parent, which applies its supervisor strategy.</summary>
/// <param name="Child">The failed child.</param>
/// <param name="Cause">The failure.</param>
/// <param name="Uid">The uid of the failed incarnation (stale reports are ignored).</param>
public sealed record Failed(IActorRef Child, Exception Cause, long Uid)
    : ISystemMessage, IStashWhenFailed, IStashWhenWaitingForChildren;
