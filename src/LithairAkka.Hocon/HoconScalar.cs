using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon;

/// <summary>A string, number, boolean or null value.</summary>
/// <remarks>Immutable and therefore safe to share between threads.</remarks>
public sealed class HoconScalar : HoconValue
{
    internal HoconScalar(HoconValueType type, string text, SourcePosition? position)
        : base(position)
    {
        if (type is HoconValueType.Object or HoconValueType.Array)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "A scalar cannot be an object or an array.");
        }

        Type = type;
        Text = text;
    }

    /// <inheritdoc />
    public override HoconValueType Type { get; }

    /// <summary>
    /// The value as text: the string itself, a number exactly as it was written (<c>1e5</c> stays <c>1e5</c>),
    /// <c>true</c>/<c>false</c>, or <c>null</c>. This is also the text used in string concatenation.
    /// </summary>
    public string Text { get; }

    internal static HoconScalar Null(SourcePosition? position) => new(HoconValueType.Null, "null", position);

    internal static HoconScalar String(string text, SourcePosition? position) => new(HoconValueType.String, text, position);
}
