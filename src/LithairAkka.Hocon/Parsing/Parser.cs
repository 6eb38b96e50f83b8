using LithairAkka.Hocon.Raw;

namespace LithairAkka.Hocon.Parsing;

/// <summary>
/// Builds the raw (unresolved) tree of one HOCON document: root braces optional, fields separated by commas
/// or newlines, <c>=</c>/<c>:</c>/<c>+=</c> or nothing before <c>{</c>, dotted keys, duplicate keys merged,
/// includes parsed in place. Substitutions are left for the resolver.
/// </summary>
/// <remarks>Not thread-safe; one instance parses one document once.</remarks>
internal sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private readonly SourceInfo _source;
    private readonly HoconPath _prefix;
    private readonly ParseSession _session;
    private int _pos;

    private Parser(List<Token> tokens, SourceInfo source, HoconPath prefix, ParseSession session)
    {
        _tokens = tokens;
        _source = source;
        _prefix = prefix;
        _session = session;
    }

    private Token Peek => _tokens[_pos];

    /// <summary>Parses a document into a raw object.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="source">Where the text came from (for messages and relative includes).</param>
    /// <param name="prefix">Where the document is included; its substitutions are fixed up to be relative to it.</param>
    /// <param name="session">State shared with the including document.</param>
    /// <exception cref="ConfigurationException">Syntax error, bad include, or an array at the root.</exception>
    public static RawObject ParseDocument(string text, SourceInfo source, HoconPath prefix, ParseSession session)
    {
        session.Enter(source.Identity);
        try
        {
            var tokens = Tokenizer.Tokenize(text, source.OriginName);
            return new Parser(tokens, source, prefix, session).ParseRoot();
        }
        finally
        {
            session.Leave();
        }
    }

    private RawObject ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        var first = Peek;
        if (first.Kind == TokenKind.OpenBracket)
        {
            throw Error(first, "a configuration document must be an object, but this one starts with '['");
        }

        if (first.Kind != TokenKind.OpenBrace)
        {
            return ParseObjectBody(braced: false, first, _prefix);
        }

        _pos++;
        var root = ParseObjectBody(braced: true, first, _prefix);
        SkipWhitespaceAndNewlines();
        if (Peek.Kind != TokenKind.End)
        {
            throw Error(Peek, $"expected end of input after the root object but found {Peek.Describe()}");
        }

        return root;
    }

    /// <param name="braced">Whether a '}' closes this object (false for a root without braces).</param>
    /// <param name="open">The '{' (or the first token of a root without braces).</param>
    /// <param name="path">The absolute path of this object, or <see langword="null"/> inside an array.</param>
    private RawObject ParseObjectBody(bool braced, Token open, HoconPath? path)
    {
        var obj = new RawObject(PositionOf(open));
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek;
            switch (token.Kind)
            {
                case TokenKind.CloseBrace when braced:
                    _pos++;
                    return obj;
                case TokenKind.CloseBrace:
                    throw Error(token, "unbalanced '}': there is no open '{' to close");
                case TokenKind.End when braced:
                    throw Error(token, $"expected '}}' but found end of input (the '{{' at line {open.Line}, column {open.Column} is never closed)");
                case TokenKind.End:
                    return obj;
                case TokenKind.Comma:
                    throw Error(token, "unexpected ',': expected a field (one comma at most may follow a field)");
            }

            if (token.Kind == TokenKind.Unquoted && token.Text == "include")
            {
                ParseInclude(obj, path);
            }
            else
            {
                ParseField(obj, path);
            }

            SkipWhitespace();
            var after = Peek;
            switch (after.Kind)
            {
                case TokenKind.Comma:
                    _pos++;
                    break;
                case TokenKind.Newline or TokenKind.CloseBrace or TokenKind.End:
                    break;
                default:
                    throw Error(after, $"expected ',' or a newline after a field but found {after.Describe()}");
            }
        }
    }

    private void ParseField(RawObject obj, HoconPath? path)
    {
        var keyToken = Peek;
        var key = ParseKey();
        SkipWhitespace();
        var separator = Peek;
        var fieldPath = path?.Concat(key);
        RawValue value;
        switch (separator.Kind)
        {
            case TokenKind.OpenBrace:
                value = ParseValue(fieldPath);
                break;
            case TokenKind.Colon or TokenKind.Equals:
                _pos++;
                SkipWhitespaceAndNewlines();
                value = ParseValue(fieldPath);
                break;
            case TokenKind.PlusEquals:
                _pos++;
                SkipWhitespaceAndNewlines();
                value = ParseAppend(separator, fieldPath);
                break;
            default:
                throw Error(separator, $"expected ':', '=', '+=' or '{{' after key '{key}' but found {separator.Describe()}");
        }

        var position = PositionOf(keyToken);
        var wrapped = RawObject.Wrap(key, 1, value, position);
        obj.Set(key[0], obj.TryGet(key[0], out var existing) ? RawMerger.Merge(existing, wrapped, mutate: true) : wrapped);
    }

    // "a += b" is "a = ${?a} [b]": a self-referential array concatenation.
    private RawConcatenation ParseAppend(Token separator, HoconPath? fieldPath)
    {
        if (fieldPath is null)
        {
            throw Error(separator, "'+=' cannot be used in an object inside an array (it needs the field's path)");
        }

        var position = PositionOf(separator);
        var element = ParseValue(null);
        _session.HasSubstitutions = true;
        var previous = new RawSubstitution(fieldPath, optional: true, _prefix.Count, _session.Options.EnvironmentLookup, position);
        return new RawConcatenation([previous, new RawArray([element], position)], position);
    }

    private HoconPath ParseKey()
    {
        var first = Peek;
        var tokens = new List<Token>();
        while (Peek.IsSimpleValue || Peek.Kind == TokenKind.Whitespace)
        {
            tokens.Add(Peek);
            _pos++;
        }

        while (tokens.Count > 0 && tokens[^1].Kind == TokenKind.Whitespace)
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        if (tokens.Count == 0)
        {
            var hint = first.Kind is TokenKind.Substitution or TokenKind.OptionalSubstitution
                ? " (substitutions are not allowed in keys)"
                : string.Empty;
            throw Error(first, $"expected a key but found {first.Describe()}{hint}");
        }

        return PathBuilder.Build(tokens, PositionOf(first));
    }

    private void SkipWhitespace()
    {
        while (Peek.Kind == TokenKind.Whitespace)
        {
            _pos++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            _pos++;
        }
    }

    private SourcePosition PositionOf(Token token) => new(_source.OriginName, token.Line, token.Column);

    private ConfigurationException Error(Token token, string message) => ConfigurationException.At(PositionOf(token), message);
}
