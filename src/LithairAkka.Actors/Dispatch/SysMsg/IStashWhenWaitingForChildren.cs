namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>A system message held back while the actor waits for its children to stop (restart, stop).</summary>
public interface IStashWhenWaitingForChildren
{
}
