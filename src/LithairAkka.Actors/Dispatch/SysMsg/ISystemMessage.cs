namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>
/// Marker of the runtime's system messages (lifecycle, supervision, death watch). They travel in a separate
/// queue and are processed ahead of user messages, also while the actor is suspended.
/// </summary>
public interface ISystemMessage
{
}
