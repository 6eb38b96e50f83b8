namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>A system message held back while the actor is suspended after a failure.</summary>
public interface IStashWhenFailed
{
}
