using System.Text;
using LithairAkka.Hocon.Raw;

namespace LithairAkka.Hocon.Parsing;

/// <summary>Values: concatenations, arrays, scalars and substitutions.</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// Parses a value concatenation: everything up to a newline, a comma or a closing bracket. Whitespace between
    /// parts is kept (it matters for strings); concatenations without substitutions are folded here.
    /// </summary>
    private RawValue ParseValue(HoconPath? path)
    {
        var first = Peek;
        var parts = new List<RawValue>();
        Token? pendingWhitespace = null;
        var hasSubstitution = false;
        while (true)
        {
            var token = Peek;
            RawValue part;
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    pendingWhitespace = token;
                    _pos++;
                    continue;
                case TokenKind.Newline or TokenKind.Comma or TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.End:
                    if (parts.Count == 0)
                    {
                        throw Error(token, $"expected a value but found {token.Describe()}");
                    }

                    return Combine(parts, hasSubstitution, PositionOf(first));
                case TokenKind.OpenBrace:
                    _pos++;
                    part = ParseObjectBody(braced: true, token, path);
                    break;
                case TokenKind.OpenBracket:
                    part = ParseArray();
                    break;
                case TokenKind.Substitution or TokenKind.OptionalSubstitution:
                    part = ParseSubstitution();
                    hasSubstitution = true;
                    break;
                case TokenKind.Colon or TokenKind.Equals or TokenKind.PlusEquals:
                    throw Error(token, $"unexpected {token.Describe()} in a value (put strings that contain ':' or '=' in double quotes)");
                default:
                    _pos++;
                    part = new RawResolved(ScalarOf(token));
                    break;
            }

            if (pendingWhitespace is { } whitespace && parts.Count > 0)
            {
                parts.Add(new RawWhitespace(whitespace.Text, PositionOf(whitespace)));
            }

            pendingWhitespace = null;
            parts.Add(part);
        }
    }

    private HoconScalar ScalarOf(Token token)
    {
        var type = token.Kind switch
        {
            TokenKind.Number => HoconValueType.Number,
            TokenKind.True or TokenKind.False => HoconValueType.Boolean,
            TokenKind.Null => HoconValueType.Null,
            _ => HoconValueType.String,
        };
        return new HoconScalar(type, token.Text, PositionOf(token));
    }

    private RawValue Combine(List<RawValue> parts, bool hasSubstitution, SourcePosition position)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var objects = parts.Count(p => p is RawObject);
        var arrays = parts.Count(p => p is RawArray);
        var strings = parts.Count(p => p is RawResolved);
        if ((objects > 0 && arrays > 0) || ((objects > 0 || arrays > 0) && strings > 0))
        {
            var kinds = new[] { (objects, "an object"), (arrays, "an array"), (strings, "a string") }
                .Where(k => k.Item1 > 0)
                .Select(k => k.Item2);
            throw ConfigurationException.At(
                position,
                $"cannot concatenate {string.Join(" with ", kinds)} on one line: only strings with strings, arrays with arrays or objects with objects (separate values with a comma or newline, or quote the string)");
        }

        if (hasSubstitution)
        {
            return new RawConcatenation(parts, position);
        }

        if (objects > 0)
        {
            RawValue merged = parts.OfType<RawObject>().First();
            foreach (var obj in parts.OfType<RawObject>().Skip(1))
            {
                merged = RawMerger.Merge(merged, obj, mutate: true);
            }

            return merged;
        }

        if (arrays > 0)
        {
            var arrayParts = parts.OfType<RawArray>().ToList();
            var items = arrayParts[0].Items;
            foreach (var array in arrayParts.Skip(1))
            {
                items.AddRange(array.Items);
            }

            return arrayParts[0];
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part is RawWhitespace whitespace ? whitespace.Text : ((HoconScalar)((RawResolved)part).Value).Text);
        }

        return new RawResolved(HoconScalar.String(builder.ToString(), position));
    }

    private RawArray ParseArray()
    {
        var open = Peek;
        _pos++;
        var items = new List<RawValue>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek;
            switch (token.Kind)
            {
                case TokenKind.CloseBracket:
                    _pos++;
                    return new RawArray(items, PositionOf(open));
                case TokenKind.End:
                    throw Error(token, $"expected ']' but found end of input (the '[' at line {open.Line}, column {open.Column} is never closed)");
                case TokenKind.Comma:
                    throw Error(token, "unexpected ',' in an array: expected an element (one comma at most may follow an element)");
            }

            items.Add(ParseValue(null));
            SkipWhitespace();
            var after = Peek;
            switch (after.Kind)
            {
                case TokenKind.Comma:
                    _pos++;
                    break;
                case TokenKind.Newline or TokenKind.CloseBracket:
                    break;
                case TokenKind.End:
                    throw Error(after, $"expected ']' but found end of input (the '[' at line {open.Line}, column {open.Column} is never closed)");
                default:
                    throw Error(after, $"expected ',', a newline or ']' after an array element but found {after.Describe()}");
            }
        }
    }

    private RawSubstitution ParseSubstitution()
    {
        var start = Peek;
        _pos++;
        var tokens = new List<Token>();
        while (true)
        {
            var token = Peek;
            if (token.Kind == TokenKind.CloseBrace)
            {
                _pos++;
                break;
            }

            if (!token.IsSimpleValue && token.Kind != TokenKind.Whitespace)
            {
                throw Error(token, $"expected '}}' to close the substitution but found {token.Describe()}");
            }

            tokens.Add(token);
            _pos++;
        }

        while (tokens.Count > 0 && tokens[0].Kind == TokenKind.Whitespace)
        {
            tokens.RemoveAt(0);
        }

        while (tokens.Count > 0 && tokens[^1].Kind == TokenKind.Whitespace)
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        var position = PositionOf(start);
        if (tokens.Count == 0)
        {
            throw ConfigurationException.At(position, "empty substitution: expected a path between '${' and '}'");
        }

        var path = PathBuilder.Build(tokens, position);
        _session.HasSubstitutions = true;
        return new RawSubstitution(
            _prefix.Concat(path),
            start.Kind == TokenKind.OptionalSubstitution,
            _prefix.Count,
            _session.Options.EnvironmentLookup,
            position);
    }
}
