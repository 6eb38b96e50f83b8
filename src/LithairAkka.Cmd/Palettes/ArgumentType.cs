namespace LithairAkka.Cmd.Palettes;

/// <summary>What an argument of a command accepts; the host checks values before a handler runs.</summary>
public enum ArgumentType
{
    /// <summary>Any text.</summary>
    String = 0,

    /// <summary>A whole number (64-bit, invariant culture).</summary>
    Integer = 1,

    /// <summary>A switch without a value: present or absent. Must have a <see cref="CommandArgument.Switch"/>.</summary>
    Flag = 2,
}
