using System.Globalization;

namespace LithairAkka.Chaos.Cli;

/// <summary>Parses <c>--name value</c> and <c>--flag</c> options after a command word; positional words are kept in order.</summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags;

    public Arguments(IReadOnlyList<string> args, params string[] flags)
    {
        _flags = [.. flags];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
            }
            else if (_flags.Contains(arg))
            {
                _options[arg] = null;
            }
            else if (i + 1 < args.Count)
            {
                _options[arg] = args[++i];
            }
            else
            {
                throw new FormatException($"Option {arg} needs a value.");
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string name) => _options.ContainsKey(name);

    public string String(string name, string fallback) => _options.TryGetValue(name, out var value) && value is not null ? value : fallback;

    public int Int(string name, int fallback, int min, int max)
    {
        if (!_options.TryGetValue(name, out var text) || text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"Option {name} expects an integer from {min} to {max}, got '{text}'.");
    }

    public double Double(string name, double fallback)
    {
        if (!_options.TryGetValue(name, out var text) || text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"Option {name} expects a positive number, got '{text}'.");
    }

    public void RejectUnknown(params string[] known)
    {
        var unknown = _options.Keys.Where(k => !known.Contains(k) && !_flags.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"Unknown option {unknown[0]}.");
        }
    }
}
