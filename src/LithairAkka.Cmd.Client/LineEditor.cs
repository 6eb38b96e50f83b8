using System.Text;

namespace LithairAkka.Cmd.Client;

/// <summary>
/// Reads prompt lines from the console with editing, history (up/down arrows) and tab completion. When input is
/// redirected it reads plain lines, so scripts can pipe commands into the prompt.
/// </summary>
internal sealed class LineEditor(CommandCompleter completer, TextReader input, TextWriter output)
{
    private readonly List<string> _history = [];

    public IReadOnlyList<string> History => _history;

    /// <summary>The next line, or <see langword="null"/> at end of input (Ctrl-D on an empty line).</summary>
    public string? ReadLine(string prompt)
    {
        output.Write(prompt);
        output.Flush();
        var line = Console.IsInputRedirected || !ReferenceEquals(input, Console.In) ? input.ReadLine() : ReadInteractive(prompt);
        if (!string.IsNullOrWhiteSpace(line) && (_history.Count == 0 || _history[^1] != line))
        {
            _history.Add(line);
        }

        return line;
    }

    private string? ReadInteractive(string prompt)
    {
        var buffer = new StringBuilder();
        var cursor = 0;
        var drawn = 0;
        var historyIndex = _history.Count;
        var treatControlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        output.WriteLine();
                        return buffer.ToString();
                    case ConsoleKey.D when control && buffer.Length == 0:
                        output.WriteLine();
                        return null;
                    case ConsoleKey.C when control:
                        output.WriteLine("^C");
                        return string.Empty;
                    case ConsoleKey.Backspace when cursor > 0:
                        buffer.Remove(--cursor, 1);
                        break;
                    case ConsoleKey.Delete when cursor < buffer.Length:
                        buffer.Remove(cursor, 1);
                        break;
                    case ConsoleKey.LeftArrow when cursor > 0:
                        cursor--;
                        break;
                    case ConsoleKey.RightArrow when cursor < buffer.Length:
                        cursor++;
                        break;
                    case ConsoleKey.Home:
                        cursor = 0;
                        break;
                    case ConsoleKey.End:
                        cursor = buffer.Length;
                        break;
                    case ConsoleKey.Escape:
                        buffer.Clear();
                        cursor = 0;
                        break;
                    case ConsoleKey.UpArrow when historyIndex > 0:
                        buffer.Clear().Append(_history[--historyIndex]);
                        cursor = buffer.Length;
                        break;
                    case ConsoleKey.DownArrow when historyIndex < _history.Count:
                        historyIndex++;
                        buffer.Clear().Append(historyIndex < _history.Count ? _history[historyIndex] : string.Empty);
                        cursor = buffer.Length;
                        break;
                    case ConsoleKey.Tab:
                        cursor = Complete(buffer, cursor, prompt, ref drawn);
                        break;
                    default:
                        if (!char.IsControl(key.KeyChar))
                        {
                            buffer.Insert(cursor++, key.KeyChar);
                        }

                        break;
                }

                drawn = Redraw(prompt, buffer, cursor, drawn);
            }
        }
        finally
        {
            Console.TreatControlCAsInput = treatControlC;
        }
    }

    private int Complete(StringBuilder buffer, int cursor, string prompt, ref int drawn)
    {
        var before = buffer.ToString(0, cursor);
        var candidates = completer.Complete(before);
        if (candidates.Count == 0)
        {
            return cursor;
        }

        var start = before.Length - (before.Length == 0 || char.IsWhiteSpace(before[^1]) ? 0 : before.Split(' ')[^1].Length);
        var partial = before[start..];
        var replacement = candidates.Count == 1 ? candidates[0] + " " : CommandCompleter.CommonPrefix(candidates);
        if (replacement.Length <= partial.Length && candidates.Count > 1)
        {
            output.WriteLine();
            output.WriteLine(string.Join("  ", candidates));
            drawn = 0;
            output.Write(prompt);
            return cursor;
        }

        buffer.Remove(start, partial.Length).Insert(start, replacement);
        return start + replacement.Length;
    }

    private int Redraw(string prompt, StringBuilder buffer, int cursor, int drawn)
    {
        var text = buffer.ToString();
        var padding = Math.Max(0, drawn - text.Length);
        output.Write("\r" + prompt + text + new string(' ', padding) + new string('\b', padding + text.Length - cursor));
        output.Flush();
        return text.Length;
    }
}
