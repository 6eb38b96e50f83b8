namespace LithairAkka.Hocon.Parsing;

/// <summary>State shared by the parse of one document and of everything it includes.</summary>
/// <remarks>Not thread-safe; one parse runs on one thread.</remarks>
internal sealed class ParseSession
{
    /// <summary>Deeper nesting is certainly a mistake (and would overflow the stack long before it is useful).</summary>
    public const int MaxIncludeDepth = 32;

    private readonly List<string> _includeChain = [];

    public ParseSession(HoconParseOptions options)
    {
        Options = options;
    }

    public HoconParseOptions Options { get; }

    /// <summary>Set once any substitution (including the one <c>+=</c> implies) has been parsed.</summary>
    public bool HasSubstitutions { get; set; }

    public int Depth => _includeChain.Count;

    /// <summary>Whether <paramref name="identity"/> is being parsed further up the include chain.</summary>
    public bool IsOnChain(string identity) => _includeChain.Contains(identity, StringComparer.Ordinal);

    public string DescribeChain(string next) => string.Join(" -> ", _includeChain.Append(next));

    public void Enter(string identity) => _includeChain.Add(identity);

    public void Leave() => _includeChain.RemoveAt(_includeChain.Count - 1);
}
