namespace LithairAkka.Actors;

/// <summary>
/// Stops the receiving actor when processed: it is queued like any user message, so messages sent before it
/// are handled first (contrast with <c>Context.Stop</c>, which is a system message).
/// </summary>
public sealed record PoisonPill : IAutoReceivedMessage, IDeadLetterSuppression
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}
