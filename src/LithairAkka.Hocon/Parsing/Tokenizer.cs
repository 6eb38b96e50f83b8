using System.Globalization;

namespace LithairAkka.Hocon.Parsing;

/// <summary>
/// Splits HOCON text into tokens in one left-to-right pass (at most three characters of look-ahead, as the
/// specification requires). Comments are dropped; whitespace and newlines are kept as tokens because value
/// concatenation and separators depend on them.
/// </summary>
/// <remarks>Not thread-safe; each instance tokenizes one text once.</remarks>
internal sealed partial class Tokenizer
{
    private readonly string _text;
    private readonly string _origin;
    private readonly List<Token> _tokens;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private Tokenizer(string text, string origin)
    {
        _text = text;
        _origin = origin;
        _tokens = new List<Token>(Math.Max(16, text.Length / 4));
    }

    private int Column => _pos - _lineStart + 1;

    /// <summary>Tokenizes <paramref name="text"/>; the list always ends with a <see cref="TokenKind.End"/> token.</summary>
    /// <exception cref="ConfigurationException">The text contains a lexical error (reported with line and column).</exception>
    public static List<Token> Tokenize(string text, string origin)
    {
        var tokenizer = new Tokenizer(text, origin);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    /// <summary>Whether <paramref name="c"/> is HOCON whitespace other than the newline (0x0A).</summary>
    public static bool IsWhitespace(char c)
    {
        switch (c)
        {
            case ' ' or '\t' or '\v' or '\f' or '\r' or '\uFEFF':
            case >= '\u001C' and <= '\u001F':
                return true;
            case < '\u0080':
                return false;
            default:
                var category = char.GetUnicodeCategory(c);
                return category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator;
        }
    }

    /// <summary>Whether <paramref name="c"/> ends an unquoted string (a forbidden character, whitespace or a newline).</summary>
    public static bool EndsUnquoted(char c) => c switch
    {
        '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!'
            or '@' or '*' or '&' or '\\' or '\n' => true,
        _ => IsWhitespace(c),
    };

    private char PeekChar(int offset)
    {
        var index = _pos + offset;
        return index < _text.Length ? _text[index] : '\0';
    }

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                Add(TokenKind.Newline, "\n", 1);
                _line++;
                _lineStart = _pos;
                continue;
            }

            if (IsWhitespace(c))
            {
                ReadWhitespace();
                continue;
            }

            if (c == '#' || (c == '/' && PeekChar(1) == '/'))
            {
                // The comment runs to the newline, which stays a token: it still separates fields.
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }

                continue;
            }

            ReadPunctuationOrValue(c);
        }

        _tokens.Add(new Token(TokenKind.End, string.Empty, _line, Column));
    }

    private void ReadPunctuationOrValue(char c)
    {
        switch (c)
        {
            case ',':
                Add(TokenKind.Comma, ",", 1);
                return;
            case ':':
                Add(TokenKind.Colon, ":", 1);
                return;
            case '=':
                Add(TokenKind.Equals, "=", 1);
                return;
            case '{':
                Add(TokenKind.OpenBrace, "{", 1);
                return;
            case '}':
                Add(TokenKind.CloseBrace, "}", 1);
                return;
            case '[':
                Add(TokenKind.OpenBracket, "[", 1);
                return;
            case ']':
                Add(TokenKind.CloseBracket, "]", 1);
                return;
            case '+' when PeekChar(1) == '=':
                Add(TokenKind.PlusEquals, "+=", 2);
                return;
            case '$' when PeekChar(1) == '{' && PeekChar(2) == '?':
                Add(TokenKind.OptionalSubstitution, "${?", 3);
                return;
            case '$' when PeekChar(1) == '{':
                Add(TokenKind.Substitution, "${", 2);
                return;
            case '"':
                ReadQuoted();
                return;
        }

        if (EndsUnquoted(c))
        {
            throw Error($"reserved character '{c}' is not allowed outside quotes (put the value in double quotes)");
        }

        if ((c == '-' || char.IsAsciiDigit(c)) && TryReadNumber())
        {
            return;
        }

        ReadUnquoted();
    }

    private void Add(TokenKind kind, string text, int length)
    {
        _tokens.Add(new Token(kind, text, _line, Column));
        _pos += length;
    }

    private void ReadWhitespace()
    {
        var start = _pos;
        var column = Column;
        while (_pos < _text.Length && _text[_pos] != '\n' && IsWhitespace(_text[_pos]))
        {
            _pos++;
        }

        _tokens.Add(new Token(TokenKind.Whitespace, _text[start.._pos], _line, column));
    }

    private ConfigurationException Error(string message) =>
        ConfigurationException.At(new SourcePosition(_origin, _line, Column), message);
}
