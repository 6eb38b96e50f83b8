namespace LithairAkka.Actors;

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/>; its supervisor decides (Stop by default).</summary>
public sealed record Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();
}
