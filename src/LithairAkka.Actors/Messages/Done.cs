namespace LithairAkka.Actors;

/// <summary>The value of a completed operation that has no result.</summary>
public sealed record Done
{
    private Done()
    {
    }

    /// <summary>The single instance.</summary>
    public static Done Instance { get; } = new();
}
