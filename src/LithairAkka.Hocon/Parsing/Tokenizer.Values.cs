using System.Globalization;
using System.Text;

namespace LithairAkka.Hocon.Parsing;

/// <summary>Numbers, literals, unquoted and quoted strings.</summary>
internal sealed partial class Tokenizer
{
    // A JSON number, read greedily; what follows (e.g. "ms" in "100ms") starts a new token and is
    // concatenated by the parser, which keeps the number as it was written.
    private bool TryReadNumber()
    {
        var i = _pos;
        if (_text[i] == '-')
        {
            i++;
        }

        var digitsStart = i;
        while (i < _text.Length && char.IsAsciiDigit(_text[i]))
        {
            i++;
        }

        if (i == digitsStart)
        {
            return false;
        }

        if (i + 1 < _text.Length && _text[i] == '.' && char.IsAsciiDigit(_text[i + 1]))
        {
            i += 2;
            while (i < _text.Length && char.IsAsciiDigit(_text[i]))
            {
                i++;
            }
        }

        if (i < _text.Length && (_text[i] == 'e' || _text[i] == 'E'))
        {
            var j = i + 1;
            if (j < _text.Length && (_text[j] == '+' || _text[j] == '-'))
            {
                j++;
            }

            if (j < _text.Length && char.IsAsciiDigit(_text[j]))
            {
                i = j;
                while (i < _text.Length && char.IsAsciiDigit(_text[i]))
                {
                    i++;
                }
            }
        }

        Add(TokenKind.Number, _text[_pos..i], i - _pos);
        return true;
    }

    private void ReadUnquoted()
    {
        if (TryReadLiteral("true", TokenKind.True) || TryReadLiteral("false", TokenKind.False)
            || TryReadLiteral("null", TokenKind.Null))
        {
            return;
        }

        var start = _pos;
        var end = _pos;
        while (end < _text.Length)
        {
            var c = _text[end];
            if (EndsUnquoted(c) || (c == '/' && end + 1 < _text.Length && _text[end + 1] == '/'))
            {
                break;
            }

            end++;
        }

        Add(TokenKind.Unquoted, _text[start..end], end - start);
    }

    private bool TryReadLiteral(string literal, TokenKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            return false;
        }

        Add(kind, literal, literal.Length);
        return true;
    }

    private void ReadQuoted()
    {
        if (PeekChar(1) == '"' && PeekChar(2) == '"')
        {
            ReadTripleQuoted();
            return;
        }

        var line = _line;
        var column = Column;
        var i = _pos + 1;
        StringBuilder? builder = null;
        var segmentStart = i;
        while (true)
        {
            if (i >= _text.Length)
            {
                throw ConfigurationException.At(new SourcePosition(_origin, line, column), "unterminated quoted string");
            }

            var c = _text[i];
            if (c == '"')
            {
                break;
            }

            if (c == '\n')
            {
                throw ConfigurationException.At(
                    new SourcePosition(_origin, line, column),
                    "newline in quoted string (use \\n or a triple-quoted string)");
            }

            if (c < ' ' && c != '\t')
            {
                throw ConfigurationException.At(
                    new SourcePosition(_origin, _line, i - _lineStart + 1),
                    $"control character U+{(int)c:X4} in quoted string (use a backslash escape)");
            }

            if (c != '\\')
            {
                i++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, segmentStart, i - segmentStart);
            i = ReadEscape(i, builder);
            segmentStart = i;
        }

        string value;
        if (builder is null)
        {
            value = _text[(_pos + 1)..i];
        }
        else
        {
            builder.Append(_text, segmentStart, i - segmentStart);
            value = builder.ToString();
        }

        _tokens.Add(new Token(TokenKind.QuotedString, value, line, column));
        _pos = i + 1;
    }

    // Decodes the JSON escape starting at the backslash at index i; returns the index after it.
    private int ReadEscape(int i, StringBuilder builder)
    {
        var position = new SourcePosition(_origin, _line, i - _lineStart + 1);
        if (i + 1 >= _text.Length)
        {
            throw ConfigurationException.At(position, "unterminated escape sequence in quoted string");
        }

        var e = _text[i + 1];
        switch (e)
        {
            case '"' or '\\' or '/':
                builder.Append(e);
                return i + 2;
            case 'b':
                builder.Append('\b');
                return i + 2;
            case 'f':
                builder.Append('\f');
                return i + 2;
            case 'n':
                builder.Append('\n');
                return i + 2;
            case 'r':
                builder.Append('\r');
                return i + 2;
            case 't':
                builder.Append('\t');
                return i + 2;
            case 'u':
                if (i + 6 <= _text.Length && ushort.TryParse(
                        _text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    builder.Append((char)code);
                    return i + 6;
                }

                throw ConfigurationException.At(position, "\\u must be followed by four hexadecimal digits");
            default:
                throw ConfigurationException.At(position, $"invalid escape sequence '\\{e}' in quoted string");
        }
    }

    // Everything up to the first run of at least three quotes is taken verbatim; quotes beyond the last
    // three of that run belong to the string (as in Scala, which the specification follows).
    private void ReadTripleQuoted()
    {
        var line = _line;
        var column = Column;
        var start = _pos + 3;
        var quote = _text.IndexOf("\"\"\"", start, StringComparison.Ordinal);
        if (quote < 0)
        {
            throw ConfigurationException.At(new SourcePosition(_origin, line, column), "unterminated triple-quoted string");
        }

        var runEnd = quote + 3;
        while (runEnd < _text.Length && _text[runEnd] == '"')
        {
            runEnd++;
        }

        _tokens.Add(new Token(TokenKind.QuotedString, _text[start..(runEnd - 3)], line, column));
        for (var k = _pos; k < runEnd; k++)
        {
            if (_text[k] == '\n')
            {
                _line++;
                _lineStart = k + 1;
            }
        }

        _pos = runEnd;
    }
}
