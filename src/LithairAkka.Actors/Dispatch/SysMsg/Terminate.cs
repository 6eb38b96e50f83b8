namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>Stops the actor: its children first, then `PostStop`, then watchers are told.</summary>
public sealed record Terminate : ISystemMessage, IDeadLetterSuppression
{
    private Terminate()
    {
    }

    /// <summary>The single instance.</summary>
    public static Terminate Instance { get; } = new();
}
