using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Raw;

/// <summary>
/// A value concatenation that involves at least one substitution, so whether it yields a string, an array or an
/// object is known only after resolution. Concatenations without substitutions are folded by the parser.
/// </summary>
internal sealed class RawConcatenation : RawValue
{
    public RawConcatenation(IReadOnlyList<RawValue> parts, SourcePosition? position)
        : base(position)
    {
        Parts = parts;
    }

    /// <summary>The parts in order, including <see cref="RawWhitespace"/> between them.</summary>
    public IReadOnlyList<RawValue> Parts { get; }

    public override RawValue WithPrefix(HoconPath prefix) =>
        new RawConcatenation([.. Parts.Select(p => p.WithPrefix(prefix))], Position);
}
