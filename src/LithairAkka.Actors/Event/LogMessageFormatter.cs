using System.Globalization;
using System.Text;

namespace LithairAkka.Actors.Event;

/// <summary>Fills message-template holes (<c>{Name}</c>, <c>{0}</c>, <c>{Name:format}</c>) positionally, as Microsoft.Extensions.Logging does.</summary>
public static class LogMessageFormatter
{
    /// <summary>Formats <paramref name="template"/> with <paramref name="args"/>; <c>{{</c>/<c>}}</c> escape braces.</summary>
    public static string Format(string template, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 && !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + (args.Count * 8));
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var ch = template[i];
            if (ch == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                builder.Append('{');
                i++;
            }
            else if (ch == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                builder.Append('}');
                i++;
            }
            else if (ch == '{' && template.IndexOf('}', i + 1) is var close && close > i)
            {
                var hole = template.AsSpan(i + 1, close - i - 1);
                var colon = hole.IndexOf(':');
                var format = colon < 0 ? null : hole[(colon + 1)..].ToString();
                if (next < args.Count)
                {
                    var value = args[next++];
                    builder.Append(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString() ?? "null");
                }
                else
                {
                    builder.Append('{').Append(hole).Append('}');
                }

                i = close;
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>The hole names of <paramref name="template"/>, in order.</summary>
    public static IReadOnlyList<string> HoleNames(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                if (i + 1 < template.Length && template[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                var close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    break;
                }

                var hole = template.AsSpan(i + 1, close - i - 1);
                var colon = hole.IndexOf(':');
                names.Add((colon < 0 ? hole : hole[..colon]).ToString());
                i = close;
            }
        }

        return names;
    }
}
