using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Raw;

/// <summary>Whitespace between two parts of a concatenation: kept for strings, ignored for arrays and objects.</summary>
internal sealed class RawWhitespace : RawValue
{
    public RawWhitespace(string text, SourcePosition position)
        : base(position)
    {
        Text = text;
    }

    public string Text { get; }

    public override RawValue WithPrefix(HoconPath prefix) => this;
}
