namespace LithairAkka.Cmd.Palettes;

/// <summary>The shape of a <see cref="CommandOutput"/>, which decides how a client renders it.</summary>
public enum CommandOutputKind
{
    /// <summary>A line of text, optionally with structured <see cref="CommandOutput.Fields"/> for <c>--json</c>.</summary>
    Message = 0,

    /// <summary>Rows under named columns.</summary>
    Table = 1,

    /// <summary>Named values, one per line.</summary>
    Record = 2,
}
