namespace LithairAkka.Hocon.Units;

/// <summary>
/// Durations in the specification's format: a bare number is milliseconds; units are case-sensitive and
/// lowercase: ns, us, ms, s, m, h, d and their spelled-out singular and plural forms. The short spellings
/// nano(s), micro(s) and milli(s) of the reference implementation are accepted too.
/// </summary>
internal static class DurationParser
{
    private const decimal TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000m;

    private static readonly Dictionary<string, decimal> TicksPerUnit = Build();

    /// <summary>The accepted unit names, for error messages.</summary>
    public const string Expected = "a duration such as 150ms, 150 ms, 1s, 2 minutes, 3d or 100us (a bare number is milliseconds)";

    /// <summary>Parses a duration; <c>infinite</c> gives <see cref="Timeout.InfiniteTimeSpan"/> when <paramref name="allowInfinite"/> is set.</summary>
    public static bool TryParse(string text, bool allowInfinite, out TimeSpan value)
    {
        value = default;
        if (allowInfinite && text.AsSpan().Trim().SequenceEqual("infinite"))
        {
            value = Timeout.InfiniteTimeSpan;
            return true;
        }

        if (!UnitParser.TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        var factor = unit.Length == 0 ? TimeSpan.TicksPerMillisecond : TicksPerUnit.GetValueOrDefault(unit);
        if (factor == 0 || !UnitParser.TryScale(number, factor, out var ticks))
        {
            return false;
        }

        value = TimeSpan.FromTicks(ticks);
        return true;
    }

    private static Dictionary<string, decimal> Build()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Add(table, TicksPerMicrosecond / 1000m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(table, TicksPerMicrosecond, "us", "micro", "micros", "microsecond", "microseconds");
        Add(table, TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(table, TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(table, TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(table, TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(table, TimeSpan.TicksPerDay, "d", "day", "days");
        return table;
    }

    private static void Add(Dictionary<string, decimal> table, decimal ticks, params string[] names)
    {
        foreach (var name in names)
        {
            table.Add(name, ticks);
        }
    }
}
