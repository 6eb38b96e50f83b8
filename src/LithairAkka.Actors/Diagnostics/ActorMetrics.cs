using System.Diagnostics.Metrics;

namespace LithairAkka.Actors;

/// <summary>The runtime's instruments (meter <c>LithairAkka.Actors</c>), exported wherever the host collects metrics.</summary>
internal static class ActorMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "LithairAkka.Actors";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Undeliverable messages (suppressed ones included), tagged with <c>system</c> and <c>suppressed</c>.</summary>
    public static Counter<long> DeadLetters { get; } =
        Meter.CreateCounter<long>("lithairakka.actors.dead_letters", unit: "{message}", description: "Messages that could not be delivered.");
}
