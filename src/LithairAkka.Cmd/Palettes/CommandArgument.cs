namespace LithairAkka.Cmd.Palettes;

/// <summary>
/// One argument of a <see cref="CommandDefinition"/>. With a <see cref="Switch"/> (e.g. <c>-s</c>) it is named, given as
/// <c>-s VALUE</c>, <c>--name VALUE</c> or <c>--name=VALUE</c>; without one it is positional, taken in declaration
/// order. Immutable.
/// </summary>
/// <param name="Name">The argument's name: its long form <c>--name</c>, and how handlers look its value up.</param>
/// <param name="Description">One line for <c>help</c>.</param>
/// <param name="Type">What values it accepts.</param>
/// <param name="IsRequired">True when the command cannot run without it.</param>
/// <param name="Switch">The short switch (<c>-s</c>), or <see langword="null"/> for a positional argument.</param>
/// <param name="AllowedValues">When set, the only values accepted (compared case-insensitively).</param>
public sealed record CommandArgument(
    string Name,
    string Description,
    ArgumentType Type = ArgumentType.String,
    bool IsRequired = false,
    string? Switch = null,
    IReadOnlyList<string>? AllowedValues = null)
{
    /// <summary>True when the argument is given by position rather than by switch.</summary>
    public bool IsPositional => Switch is null;

    /// <summary>How <c>help</c> shows it: <c>NAME</c>, <c>[NAME]</c>, <c>-s NAME</c>, <c>[-s NAME]</c> or <c>[-f]</c>.</summary>
    public string Usage()
    {
        var text = Type == ArgumentType.Flag
            ? Switch ?? "--" + Name
            : Switch is null ? Name.ToUpperInvariant() : $"{Switch} {Name.ToUpperInvariant()}";
        return IsRequired ? text : $"[{text}]";
    }
}
