namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>Creates the actor instance and runs `PreStart`.</summary>
public sealed record Create : ISystemMessage
{
    private Create()
    {
    }

    /// <summary>The single instance.</summary>
    public static Create Instance { get; } = new();
}
