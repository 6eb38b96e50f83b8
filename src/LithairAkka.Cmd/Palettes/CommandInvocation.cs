using System.Globalization;

namespace LithairAkka.Cmd.Palettes;

/// <summary>
/// A command line parsed against its palette: which command, and the value of each argument given (validated:
/// required arguments present, integers parse, allowed values respected). Immutable.
/// </summary>
/// <param name="Palette">The palette.</param>
/// <param name="Command">The command.</param>
/// <param name="Values">Argument values by argument name (case-insensitive); a flag given has the value <c>true</c>.</param>
public sealed record CommandInvocation(CommandPalette Palette, CommandDefinition Command, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>True when the argument <paramref name="name"/> was given.</summary>
    public bool Has(string name) => Values.ContainsKey(name);

    /// <summary>The value of <paramref name="name"/>, or <paramref name="defaultValue"/> when it was not given.</summary>
    public string? GetString(string name, string? defaultValue = null) => Values.TryGetValue(name, out var v) ? v : defaultValue;

    /// <summary>The integer value of <paramref name="name"/>, or <paramref name="defaultValue"/> when it was not given.</summary>
    /// <exception cref="FormatException">The argument is not declared as <see cref="ArgumentType.Integer"/> and does not parse.</exception>
    public long GetInt64(string name, long defaultValue = 0) =>
        Values.TryGetValue(name, out var v) ? long.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : defaultValue;

    /// <summary>True when the flag <paramref name="name"/> was given.</summary>
    public bool HasFlag(string name) => Values.ContainsKey(name);

    /// <summary>The full command text, e.g. <c>actor hierarchy</c>, for messages.</summary>
    public string CommandText => $"{Palette.Name} {Command.Name}";
}
