using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Raw;

/// <summary>
/// The successive definitions of one field, oldest first, kept apart because at least one of them is
/// undetermined. The resolver merges them from the top down; a self-referential definition
/// (<c>path = ${path} [ "/usr/bin" ]</c>) sees only the layers beneath it.
/// </summary>
internal sealed class RawMerge : RawValue
{
    public RawMerge(List<RawValue> layers)
        : base(layers[^1].Position)
    {
        Layers = layers;
    }

    /// <summary>The definitions, oldest (lowest priority) first; never contains another <see cref="RawMerge"/>.</summary>
    public List<RawValue> Layers { get; }

    public override RawValue WithPrefix(HoconPath prefix) => new RawMerge([.. Layers.Select(l => l.WithPrefix(prefix))]);
}
