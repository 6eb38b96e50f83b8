using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Raw;

/// <summary>
/// A node of the unresolved tree the parser builds: it may still hold substitutions, concatenations that
/// depend on them, and merge stacks (the successive definitions of one field that cannot be merged until
/// their substitutions are resolved).
/// </summary>
/// <remarks>
/// Nodes are mutated only by the parser that creates them; once a parse returns they are never changed again,
/// so finished trees can be shared between configurations and threads. Node identity matters: the resolver
/// memoizes and detects cycles by reference.
/// </remarks>
internal abstract class RawValue
{
    protected RawValue(SourcePosition? position)
    {
        Position = position;
    }

    public SourcePosition? Position { get; }

    /// <summary>
    /// Whether the node may still turn out to be an object (a substitution, a concatenation with one, or a
    /// merge stack). Only such values keep the definitions beneath them alive.
    /// </summary>
    public bool IsUndetermined => this is RawSubstitution or RawConcatenation or RawMerge;

    /// <summary>Converts a resolved value into a raw node; objects become <see cref="RawObject"/>s so they merge field by field.</summary>
    public static RawValue From(HoconValue value)
    {
        if (value is not HoconObject obj)
        {
            return new RawResolved(value);
        }

        var raw = new RawObject(obj.Position);
        foreach (var (key, child) in obj)
        {
            raw.Set(key, From(child));
        }

        return raw;
    }

    /// <summary>
    /// Returns this tree with every substitution path prefixed by <paramref name="prefix"/>: what an included file or
    /// <see cref="Config.AtPath"/> needs so that <c>${x}</c> keeps pointing at the same value once moved under the prefix.
    /// </summary>
    public abstract RawValue WithPrefix(HoconPath prefix);
}
