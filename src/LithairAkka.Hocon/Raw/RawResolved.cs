namespace LithairAkka.Hocon.Raw;

/// <summary>A value with nothing left to resolve: a scalar, or an array or object taken from a resolved tree.</summary>
internal sealed class RawResolved : RawValue
{
    public RawResolved(HoconValue value)
        : base(value.Position)
    {
        Value = value;
    }

    public HoconValue Value { get; }

    public override RawValue WithPrefix(Parsing.HoconPath prefix) => this;
}
