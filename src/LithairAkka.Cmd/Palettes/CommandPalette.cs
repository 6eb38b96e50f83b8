namespace LithairAkka.Cmd.Palettes;

/// <summary>
/// A named group of commands served by the command host, e.g. <c>actor</c> with <c>hierarchy</c> and <c>system</c>:
/// a user types <c>PALETTE COMMAND ARGUMENTS…</c>. Immutable; sent to clients in the handshake for <c>help</c> and
/// tab completion. Pair it with a <see cref="CommandPaletteHandler"/> and register both with
/// <see cref="PetabridgeCmd.RegisterCommandPalette"/>.
/// </summary>
/// <param name="Name">The palette's name (lower-case, hyphens allowed, no spaces).</param>
/// <param name="Description">One line for <c>help</c>.</param>
/// <param name="Commands">Its commands.</param>
public sealed record CommandPalette(string Name, string Description, IReadOnlyList<CommandDefinition> Commands)
{
    /// <summary>The command called <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    public CommandDefinition? Find(string name) =>
        Commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks names and arguments: non-empty names without spaces, unique commands and switches, flags with a switch.</summary>
    /// <exception cref="ArgumentException">The palette is ill-formed; the message says where.</exception>
    public void Validate()
    {
        CheckName(Name, "palette");
        if (Commands.Count == 0)
        {
            throw new ArgumentException($"Palette '{Name}' has no command.");
        }

        foreach (var duplicate in Commands.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            throw new ArgumentException($"Palette '{Name}' declares command '{duplicate.Key}' twice.");
        }

        foreach (var command in Commands)
        {
            CheckName(command.Name, $"command of palette '{Name}'");
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var argument in command.Arguments)
            {
                CheckName(argument.Name, $"argument of '{Name} {command.Name}'");
                if (!names.Add(argument.Name) || (argument.Switch is { } s && !names.Add(s)))
                {
                    throw new ArgumentException($"'{Name} {command.Name}' declares argument '{argument.Name}' or its switch twice.");
                }

                if (argument.Switch is { } sw && (sw.Length < 2 || sw[0] != '-' || sw.StartsWith("--", StringComparison.Ordinal)))
                {
                    throw new ArgumentException($"Switch '{sw}' of '{Name} {command.Name}' must be a dash and a letter, like -s.");
                }

                if (argument.Type == ArgumentType.Flag && argument.IsPositional)
                {
                    throw new ArgumentException($"Flag '{argument.Name}' of '{Name} {command.Name}' needs a switch.");
                }
            }
        }
    }

    private static void CheckName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace) || name.StartsWith('-'))
        {
            throw new ArgumentException($"The name '{name}' of a {what} must be non-empty, without spaces, and not start with '-'.");
        }
    }
}
