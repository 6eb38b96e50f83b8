namespace LithairAkka.Cmd.Palettes;

/// <summary>One named value of a record or a message.</summary>
/// <param name="Name">The name (a JSON property name under <c>--json</c>).</param>
/// <param name="Value">The value as text.</param>
public sealed record OutputField(string Name, string Value);
