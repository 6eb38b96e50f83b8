namespace LithairAkka.Chaos.Nemesis;

/// <summary>
/// A bounded, time-ordered list of fault windows that never overlap, so at most one fault holds at a time: one node
/// down or paused, or one partition whose largest side (with the bridge) keeps a majority. Every window ends before
/// <see cref="Total"/> minus the cooldown.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class NemesisSchedule
{
    /// <summary>Creates a schedule after checking its windows.</summary>
    /// <param name="faults">The windows, in time order, not overlapping.</param>
    /// <param name="total">Length of the run; every window ends within it.</param>
    /// <exception cref="ArgumentException">Windows overlap, are out of order, have a negative start or length, or end after <paramref name="total"/>.</exception>
    public NemesisSchedule(IReadOnlyList<NemesisFault> faults, TimeSpan total)
    {
        var previousEnd = TimeSpan.Zero;
        foreach (var fault in faults)
        {
            if (fault.At < previousEnd || fault.Duration < TimeSpan.Zero || fault.End > total)
            {
                throw new ArgumentException($"Fault {fault.Kind} at {fault.At} overlaps another window or ends after {total}.", nameof(faults));
            }

            previousEnd = fault.End;
        }

        Faults = faults;
        Total = total;
    }

    /// <summary>The fault windows in time order.</summary>
    public IReadOnlyList<NemesisFault> Faults { get; }

    /// <summary>Length of the run.</summary>
    public TimeSpan Total { get; }

    /// <summary>Draws a random schedule: warmup, then fault windows separated by quiet gaps, then cooldown.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="random">The source of randomness (seed it to replay a schedule).</param>
    /// <returns>The schedule; empty when the run is too short for one window.</returns>
    /// <exception cref="ArgumentException">Fewer than 3 or more than 9 nodes, no fault kind, or a minimum above its maximum.</exception>
    public static NemesisSchedule Generate(NemesisScheduleOptions options, Random random)
    {
        if (options.Nodes is < 3 or > 9 || options.Kinds.Count == 0
            || options.MinFault > options.MaxFault || options.MinQuiet > options.MaxQuiet || options.MinFault <= TimeSpan.Zero)
        {
            throw new ArgumentException("A nemesis needs 3 to 9 nodes, at least one fault kind, and positive ranges with min ≤ max.", nameof(options));
        }

        var faults = new List<NemesisFault>();
        var end = options.Total - options.Cooldown;
        var at = options.Warmup;
        while (true)
        {
            var duration = Between(random, options.MinFault, options.MaxFault);
            if (at + duration > end)
            {
                break;
            }

            faults.Add(new NemesisFault(options.Kinds[random.Next(options.Kinds.Count)], at, duration));
            at += duration + Between(random, options.MinQuiet, options.MaxQuiet);
        }

        return new NemesisSchedule(faults, options.Total);
    }

    private static TimeSpan Between(Random random, TimeSpan min, TimeSpan max) =>
        min + TimeSpan.FromTicks((long)(random.NextDouble() * (max - min).Ticks));
}
