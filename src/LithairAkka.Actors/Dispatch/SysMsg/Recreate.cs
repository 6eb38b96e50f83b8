namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>Restarts the actor: <c>PreRestart</c>, children stopped, a new instance from props, <c>PostRestart</c>.</summary>
/// <param name="Cause">The failure that caused the restart.</param>
public sealed record Recreate(Exception Cause) : ISystemMessage, IStashWhenWaitingForChildren;
