using System.Text;

namespace LithairAkka.Hocon.Parsing;

/// <summary>A parsed path expression: the keys from the root to a value (<c>foo.bar."hello.world"</c> has three).</summary>
/// <remarks>Immutable.</remarks>
internal sealed class HoconPath
{
    private readonly string[] _elements;

    public HoconPath(string[] elements)
    {
        _elements = elements;
    }

    /// <summary>The path with no elements: the root.</summary>
    public static HoconPath Empty { get; } = new([]);

    public int Count => _elements.Length;

    public string this[int index] => _elements[index];

    public HoconPath Append(string key)
    {
        var elements = new string[_elements.Length + 1];
        _elements.CopyTo(elements, 0);
        elements[^1] = key;
        return new HoconPath(elements);
    }

    public HoconPath Concat(HoconPath other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        return new HoconPath([.. _elements, .. other._elements]);
    }

    /// <summary>The elements from <paramref name="start"/> on.</summary>
    public HoconPath Skip(int start) => start == 0 ? this : new HoconPath(_elements[start..]);

    /// <summary>
    /// Parses a path expression as written in a getter call or a substitution: <c>akka.remote.port</c>,
    /// <c>akka.actor.serialization-bindings."System.Object"</c>.
    /// </summary>
    /// <exception cref="ConfigurationException">The text is not a valid path expression.</exception>
    public static HoconPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsPlain(text))
        {
            var elements = text.Split('.');
            if (Array.IndexOf(elements, string.Empty) < 0)
            {
                return new HoconPath(elements);
            }
        }

        var tokens = Tokenizer.Tokenize(text, "path expression");
        var start = 0;
        var end = tokens.Count - 1; // drop End
        while (start < end && tokens[start].Kind == TokenKind.Whitespace)
        {
            start++;
        }

        while (end > start && tokens[end - 1].Kind == TokenKind.Whitespace)
        {
            end--;
        }

        var parts = tokens.GetRange(start, end - start);
        foreach (var token in parts)
        {
            if (!token.IsSimpleValue && token.Kind != TokenKind.Whitespace)
            {
                throw new ConfigurationException(
                    $"Invalid path expression '{text}': unexpected {token.Describe()}", text, null, 0, 0);
            }
        }

        return PathBuilder.Build(parts, new SourcePosition("path expression", 1, 1), text);
    }

    /// <summary>Renders the path with quotes around the elements that need them.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _elements.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            AppendKey(builder, _elements[i]);
        }

        return builder.ToString();
    }

    /// <summary>Appends one key, quoted and escaped unless it is safe to leave unquoted.</summary>
    public static void AppendKey(StringBuilder builder, string key)
    {
        if (IsSafeKey(key))
        {
            builder.Append(key);
        }
        else
        {
            Rendering.HoconRenderer.AppendQuoted(builder, key);
        }
    }

    private static bool IsSafeKey(string key)
    {
        if (key.Length == 0 || key == "include" || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return !key.StartsWith("true", StringComparison.Ordinal) && !key.StartsWith("false", StringComparison.Ordinal)
            && !key.StartsWith("null", StringComparison.Ordinal);
    }

    // Letters, digits, '-', '_' and '.': for such text splitting on '.' gives exactly what the tokenizer and
    // path builder would (numbers and literals keep their text inside a path).
    private static bool IsPlain(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }
}
