namespace LithairAkka.Cmd.Palettes;

/// <summary>One command of a <see cref="CommandPalette"/>, e.g. <c>hierarchy</c> of the <c>actor</c> palette. Immutable.</summary>
/// <param name="Name">The command's name, typed after the palette's (lower-case, no spaces).</param>
/// <param name="Description">One line for <c>help</c>.</param>
/// <param name="Arguments">Its arguments, positional ones taken in this order; none when <see langword="null"/>.</param>
public sealed record CommandDefinition(string Name, string Description, IReadOnlyList<CommandArgument>? Arguments = null)
{
    /// <summary>Its arguments; positional ones are taken in this order.</summary>
    public IReadOnlyList<CommandArgument> Arguments { get; init; } = Arguments ?? [];

    /// <summary>The usage line, e.g. <c>hierarchy [-s PATH] [-d DEPTH]</c>.</summary>
    public string Usage() =>
        Arguments.Count == 0 ? Name : Name + " " + string.Join(' ', Arguments.Select(a => a.Usage()));
}
