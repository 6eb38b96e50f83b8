namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>Suspends user-message processing of the actor and its children.</summary>
public sealed record Suspend : ISystemMessage, IStashWhenWaitingForChildren
{
    private Suspend()
    {
    }

    /// <summary>The single instance.</summary>
    public static Suspend Instance { get; } = new();
}
