using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Raw;

/// <summary><c>${path}</c> or <c>${?path}</c>.</summary>
internal sealed class RawSubstitution : RawValue
{
    public RawSubstitution(
        HoconPath path,
        bool optional,
        int prefixLength,
        Func<string, string?>? environment,
        SourcePosition position)
        : base(position)
    {
        Path = path;
        Optional = optional;
        PrefixLength = prefixLength;
        Environment = environment;
    }

    /// <summary>The absolute path looked up, including the prefix added by includes.</summary>
    public HoconPath Path { get; }

    public bool Optional { get; }

    /// <summary>How many leading elements of <see cref="Path"/> were added by includes or AtPath (not written by the author).</summary>
    public int PrefixLength { get; }

    /// <summary>The environment lookup of the parse that created this node; <see langword="null"/> disables the fallback.</summary>
    public Func<string, string?>? Environment { get; }

    /// <summary>The environment variable consulted when the path is absent: the path as written, without any include prefix.</summary>
    public string EnvironmentName => string.Join('.', Enumerable.Range(PrefixLength, Path.Count - PrefixLength).Select(i => Path[i]));

    /// <summary>The substitution as written, for messages: <c>${?foo.bar}</c>.</summary>
    public string Describe() => $"${{{(Optional ? "?" : string.Empty)}{Path.Skip(PrefixLength)}}}";

    public override RawValue WithPrefix(HoconPath prefix) =>
        new RawSubstitution(prefix.Concat(Path), Optional, PrefixLength + prefix.Count, Environment, Position!.Value);
}
