using LithairAkka.Hocon.Raw;

namespace LithairAkka.Hocon.Parsing;

/// <summary>Include statements: <c>include "x"</c>, <c>include file("x")</c>, <c>include required(resource("x"))</c>.</summary>
internal sealed partial class Parser
{
    private static readonly string[] IncludeFunctions = ["required", "file", "classpath", "resource", "url"];

    private void ParseInclude(RawObject obj, HoconPath? path)
    {
        var keyword = Peek;
        _pos++;
        SkipWhitespaceAndNewlines();
        var request = ParseIncludeTarget(keyword);
        var sources = IncludeLoader.Load(request, _source, _session.Options);
        if (sources.Count == 0)
        {
            if (request.Required)
            {
                throw Error(
                    keyword,
                    $"{request.Describe()}: not found ({IncludeLoader.DescribeSearch(request, _source, _session.Options)})");
            }

            // A missing non-required include is silently ignored, as if it held an empty object.
            return;
        }

        foreach (var source in sources)
        {
            if (_session.IsOnChain(source.Source.Identity))
            {
                throw Error(keyword, $"include cycle: {_session.DescribeChain(source.Source.Identity)}");
            }

            if (_session.Depth >= ParseSession.MaxIncludeDepth)
            {
                throw Error(keyword, $"includes are nested more than {ParseSession.MaxIncludeDepth} levels deep");
            }

            // Inside an array the object has no path, so included substitutions stay relative to this document.
            var included = ParseDocument(source.Text, source.Source, path ?? _prefix, _session);
            RawMerger.Merge(obj, included, mutate: true);
        }
    }

    private IncludeRequest ParseIncludeTarget(Token keyword)
    {
        var functions = new List<string>();
        while (Peek.Kind != TokenKind.QuotedString)
        {
            var token = Peek;
            if (token.Kind == TokenKind.Whitespace && functions.Count > 0)
            {
                _pos++;
                continue;
            }

            if (token.Kind != TokenKind.Unquoted)
            {
                throw Error(token, $"include must be followed by a quoted name (or required(\"...\"), file(\"...\"), classpath(\"...\"), resource(\"...\")) but found {token.Describe()}");
            }

            var text = token.Text;
            while (text.Length > 0)
            {
                var function = IncludeFunctions.FirstOrDefault(f => text.StartsWith(f + "(", StringComparison.Ordinal))
                    ?? throw Error(token, $"include must be followed by a quoted name (or required(\"...\"), file(\"...\"), classpath(\"...\"), resource(\"...\")) but found '{token.Text}'");
                functions.Add(function);
                text = text[(function.Length + 1)..];
            }

            _pos++;
        }

        var name = Peek;
        _pos++;
        var closed = 0;
        while (closed < functions.Count)
        {
            var token = Peek;
            if (token.Kind == TokenKind.Whitespace)
            {
                _pos++;
            }
            else if (token.Kind == TokenKind.Unquoted && token.Text.All(c => c == ')') && closed + token.Text.Length <= functions.Count)
            {
                closed += token.Text.Length;
                _pos++;
            }
            else
            {
                throw Error(token, $"expected ')' to close '{functions[functions.Count - 1 - closed]}(' but found {token.Describe()}");
            }
        }

        return new IncludeRequest(KindOf(functions, keyword), name.Text, functions.Count > 0 && functions[0] == "required", PositionOf(keyword));
    }

    private IncludeKind KindOf(List<string> functions, Token keyword)
    {
        var locations = functions.Where(f => f != "required").ToList();
        if (functions.LastIndexOf("required") > 0 || locations.Count > 1)
        {
            throw Error(keyword, $"invalid include: {string.Join("(", functions)}(...): required(...) may only wrap one of file(...), classpath(...) or resource(...)");
        }

        return locations.FirstOrDefault() switch
        {
            null => IncludeKind.Heuristic,
            "file" => IncludeKind.File,
            "url" => throw Error(keyword, "include url(...) is not supported: use file(...) or resource(...)"),
            _ => IncludeKind.Resource,
        };
    }
}
