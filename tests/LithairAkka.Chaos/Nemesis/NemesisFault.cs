namespace LithairAkka.Chaos.Nemesis;

/// <summary>One scheduled fault window.</summary>
/// <param name="Kind">The fault.</param>
/// <param name="At">When it starts, from the start of the run.</param>
/// <param name="Duration">How long it lasts before it is undone.</param>
public sealed record NemesisFault(NemesisFaultKind Kind, TimeSpan At, TimeSpan Duration)
{
    /// <summary>When it is undone, from the start of the run.</summary>
    public TimeSpan End => At + Duration;
}
