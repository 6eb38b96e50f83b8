using LithairAkka.Hocon.Parsing;
using LithairAkka.Hocon.Rendering;

namespace LithairAkka.Hocon;

/// <summary>
/// A resolved HOCON value: an object, an array or a scalar. Resolved values contain no substitutions.
/// </summary>
/// <remarks>Immutable and therefore safe to share between threads.</remarks>
public abstract class HoconValue
{
    private protected HoconValue(SourcePosition? position)
    {
        Position = position;
    }

    /// <summary>The JSON type of this value.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>Where the value was written, as <c>file:line</c> (or a description such as an environment variable), when known.</summary>
    public string? Origin => Position?.ToString();

    internal SourcePosition? Position { get; }

    /// <summary>Renders the value as HOCON text (see <see cref="Config.Render"/>).</summary>
    public override string ToString() => HoconRenderer.Render(this);
}
