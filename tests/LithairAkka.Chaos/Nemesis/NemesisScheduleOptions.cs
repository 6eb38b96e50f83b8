namespace LithairAkka.Chaos.Nemesis;

/// <summary>Settings of <see cref="NemesisSchedule.Generate"/>.</summary>
/// <remarks>Immutable.</remarks>
public sealed record NemesisScheduleOptions
{
    /// <summary>Nodes in the cluster (3 to 9).</summary>
    public required int Nodes { get; init; }

    /// <summary>Length of the whole run.</summary>
    public required TimeSpan Total { get; init; }

    /// <summary>Quiet time before the first fault (default 5 s).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Quiet time after the last fault is undone, so the run ends healthy (default 5 s).</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Shortest fault window (default 2 s).</summary>
    public TimeSpan MinFault { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest fault window (default 8 s).</summary>
    public TimeSpan MaxFault { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Shortest quiet gap between windows (default 2 s).</summary>
    public TimeSpan MinQuiet { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest quiet gap between windows (default 6 s).</summary>
    public TimeSpan MaxQuiet { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>The faults to choose from (default: all of <see cref="NemesisFaultKind"/>).</summary>
    public IReadOnlyList<NemesisFaultKind> Kinds { get; init; } = Enum.GetValues<NemesisFaultKind>();
}
