using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Raw;

/// <summary>An array whose elements may still hold substitutions.</summary>
internal sealed class RawArray : RawValue
{
    public RawArray(List<RawValue> items, SourcePosition? position)
        : base(position)
    {
        Items = items;
    }

    /// <summary>The elements; appended to only by the parser when it folds <c>[1] [2]</c>.</summary>
    public List<RawValue> Items { get; }

    public override RawValue WithPrefix(HoconPath prefix) =>
        new RawArray([.. Items.Select(i => i.WithPrefix(prefix))], Position);
}
