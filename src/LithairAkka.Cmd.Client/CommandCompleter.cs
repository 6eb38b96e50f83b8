using LithairAkka.Cmd.Palettes;
using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd.Client;

/// <summary>Tab completion of the interactive prompt: palette names, then command names, then a command's switches.</summary>
internal sealed class CommandCompleter(IReadOnlyList<CommandPalette> palettes)
{
    /// <summary>Words the prompt itself understands, besides the palettes.</summary>
    public static readonly IReadOnlyList<string> PromptWords = [CmdProtocol.HelpCommand, "exit", "quit"];

    /// <summary>
    /// The candidates that complete the last (partial) word of <paramref name="line"/>, sorted; the caller replaces
    /// that word with the single candidate, or with their common prefix.
    /// </summary>
    public IReadOnlyList<string> Complete(string line)
    {
        var endsWithSpace = line.Length == 0 || char.IsWhiteSpace(line[^1]);
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = endsWithSpace ? words.Length : words.Length - 1;
        var partial = endsWithSpace ? string.Empty : words[^1];
        IEnumerable<string> candidates = index switch
        {
            0 => palettes.Select(p => p.Name).Concat(PromptWords),
            1 when Find(words[0]) is { } palette => palette.Commands.Select(c => c.Name),
            1 when string.Equals(words[0], CmdProtocol.HelpCommand, StringComparison.OrdinalIgnoreCase) => palettes.Select(p => p.Name),
            _ when index >= 2 && Find(words[0])?.Find(words[1]) is { } command =>
                command.Arguments.Where(a => a.Switch is not null).Select(a => a.Switch!),
            _ => [],
        };
        return candidates
            .Where(c => c.StartsWith(partial, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The longest prefix shared by every candidate.</summary>
    public static string CommonPrefix(IReadOnlyList<string> candidates)
    {
        if (candidates.Count == 0)
        {
            return string.Empty;
        }

        var prefix = candidates[0];
        foreach (var candidate in candidates.Skip(1))
        {
            var length = 0;
            while (length < prefix.Length && length < candidate.Length && prefix[length] == candidate[length])
            {
                length++;
            }

            prefix = prefix[..length];
        }

        return prefix;
    }

    private CommandPalette? Find(string name) =>
        palettes.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
