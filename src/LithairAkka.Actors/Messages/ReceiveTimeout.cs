namespace LithairAkka.Actors;

/// <summary>Sent to an actor that set a receive timeout and received nothing for that long.</summary>
public sealed record ReceiveTimeout : IDeadLetterSuppression
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();
}
