using System.Text;

namespace LithairAkka.Cmd.Client;

/// <summary>Splits an interactive line into words: spaces separate, single or double quotes group, backslash escapes.</summary>
internal static class CommandLineTokenizer
{
    /// <exception cref="FormatException">A quote is not closed.</exception>
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length && quote != '\'')
            {
                current.Append(line[++i]);
                inWord = true;
            }
            else if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new FormatException($"Unclosed {quote} quote.");
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
