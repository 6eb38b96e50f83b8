using System.Globalization;

namespace LithairAkka.Cmd.Palettes;

/// <summary>
/// Parses a command line (already split into words) against the registered palettes: <c>PALETTE COMMAND ARGS…</c>.
/// Every mistake is reported as a <see cref="CommandUsageException"/> with one line that names it. Stateless.
/// </summary>
internal static class CommandLineParser
{
    public static (CommandPaletteHandler Handler, CommandInvocation Invocation) Parse(
        IReadOnlyList<string> words, IReadOnlyDictionary<string, CommandPaletteHandler> handlers)
    {
        if (words.Count == 0)
        {
            throw new CommandUsageException("No command given; run 'help' to list commands.");
        }

        if (!handlers.TryGetValue(words[0], out var handler))
        {
            throw new CommandUsageException($"Unknown command '{words[0]}'; run 'help' to list commands.");
        }

        var palette = handler.Palette;
        var commands = string.Join(", ", palette.Commands.Select(c => c.Name));
        if (words.Count < 2)
        {
            throw new CommandUsageException($"'{palette.Name}' needs a command: {commands}.");
        }

        var command = palette.Find(words[1])
            ?? throw new CommandUsageException($"Unknown command '{palette.Name} {words[1]}'; '{palette.Name}' has: {commands}.");
        var values = ParseArguments(palette, command, words);
        return (handler, new CommandInvocation(palette, command, values));
    }

    private static Dictionary<string, string> ParseArguments(CommandPalette palette, CommandDefinition command, IReadOnlyList<string> words)
    {
        var text = $"{palette.Name} {command.Name}";
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positionals = command.Arguments.Where(a => a.IsPositional).ToArray();
        var nextPositional = 0;
        for (var i = 2; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Length > 1 && word[0] == '-' && !IsNegativeNumber(word))
            {
                var (name, inline) = SplitInline(word);
                var argument = command.Arguments.FirstOrDefault(a =>
                    string.Equals(a.Switch, name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals("--" + a.Name, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new CommandUsageException($"Unknown option '{name}' for '{text}'; usage: {Usage(palette, command)}.");
                string value;
                if (argument.Type == ArgumentType.Flag)
                {
                    value = inline is null ? "true" : throw new CommandUsageException($"Option '{name}' of '{text}' takes no value.");
                }
                else if (inline is not null)
                {
                    value = inline;
                }
                else if (i + 1 < words.Count)
                {
                    value = words[++i];
                }
                else
                {
                    throw new CommandUsageException($"Option '{name}' of '{text}' needs a value ({argument.Name.ToUpperInvariant()}).");
                }

                Assign(values, argument, value, text);
            }
            else
            {
                if (nextPositional >= positionals.Length)
                {
                    throw new CommandUsageException($"Unexpected argument '{word}' for '{text}'; usage: {Usage(palette, command)}.");
                }

                Assign(values, positionals[nextPositional++], word, text);
            }
        }

        foreach (var missing in command.Arguments.Where(a => a.IsRequired && !values.ContainsKey(a.Name)))
        {
            throw new CommandUsageException(
                $"Missing argument {missing.Name.ToUpperInvariant()} for '{text}'; usage: {Usage(palette, command)}.");
        }

        return values;
    }

    private static void Assign(Dictionary<string, string> values, CommandArgument argument, string value, string text)
    {
        var label = argument.Switch ?? argument.Name.ToUpperInvariant();
        if (argument.Type == ArgumentType.Integer && !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw new CommandUsageException($"Bad value '{value}' for {label} of '{text}': expected an integer.");
        }

        if (argument.AllowedValues is { Count: > 0 } allowed)
        {
            var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
                ?? throw new CommandUsageException(
                    $"Bad value '{value}' for {label} of '{text}': expected one of {string.Join(", ", allowed)}.");
            value = match;
        }

        if (!values.TryAdd(argument.Name, value))
        {
            throw new CommandUsageException($"{label} given twice for '{text}'.");
        }
    }

    private static (string Name, string? Inline) SplitInline(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return word.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (word[..equals], word[(equals + 1)..]) : (word, null);
    }

    private static bool IsNegativeNumber(string word) =>
        long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static string Usage(CommandPalette palette, CommandDefinition command) => $"{palette.Name} {command.Usage()}";
}
