using System.Globalization;

namespace LithairAkka.Cluster.NodeHost;

/// <summary>The <c>--name value</c> pairs of a command line.</summary>
public sealed class HostArguments
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private HostArguments(IReadOnlyDictionary<string, string> values) => _values = values;

    /// <summary>Reads pairs; a name without a value is a <see cref="FormatException"/>.</summary>
    public static HostArguments Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        if (list.Count % 2 != 0 || list.Where((_, i) => i % 2 == 0).Any(name => !name.StartsWith("--", StringComparison.Ordinal)))
        {
            throw new FormatException($"expected --name value pairs, got '{string.Join(' ', list)}'");
        }

        return new HostArguments(Enumerable.Range(0, list.Count / 2).ToDictionary(i => list[2 * i][2..], i => list[(2 * i) + 1], StringComparer.Ordinal));
    }

    /// <summary>A text value.</summary>
    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    /// <summary>A non-negative whole number.</summary>
    public int Number(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"--{name} must be a whole number, got '{text}'");
    }
}
