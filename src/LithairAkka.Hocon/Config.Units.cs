using LithairAkka.Hocon.Units;

namespace LithairAkka.Hocon;

/// <summary>Durations and sizes in bytes, in the specification's units format.</summary>
public sealed partial class Config
{
    /// <summary>
    /// The duration at <paramref name="path"/>: a bare number is milliseconds; strings take a unit
    /// (<c>150ms</c>, <c>150 ms</c>, <c>1s</c>, <c>2 minutes</c>, <c>3d</c>, <c>100us</c>, <c>10ns</c>).
    /// <c>infinite</c> is refused; use <see cref="GetTimeSpan(string, bool)"/> where it is meaningful.
    /// </summary>
    /// <exception cref="ConfigurationException">The path is absent or null, or the value is not a duration.</exception>
    public TimeSpan GetTimeSpan(string path) => GetTimeSpan(path, allowInfinite: false);

    /// <summary>The duration at <paramref name="path"/>; with <paramref name="allowInfinite"/>, <c>infinite</c> gives <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    /// <exception cref="ConfigurationException">The path is absent or null, or the value is not a duration.</exception>
    public TimeSpan GetTimeSpan(string path, bool allowInfinite) =>
        ToTimeSpan(path, Require(path, DurationExpected(allowInfinite)), allowInfinite);

    /// <summary>The duration at <paramref name="path"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    /// <exception cref="ConfigurationException">The value is not a duration.</exception>
    public TimeSpan GetTimeSpan(string path, TimeSpan defaultValue) => GetTimeSpan(path, defaultValue, allowInfinite: false);

    /// <summary>The duration at <paramref name="path"/>, or <paramref name="defaultValue"/> when absent or null; with <paramref name="allowInfinite"/>, <c>infinite</c> gives <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    /// <exception cref="ConfigurationException">The value is not a duration.</exception>
    public TimeSpan GetTimeSpan(string path, TimeSpan defaultValue, bool allowInfinite) =>
        Optional(path) is { } value ? ToTimeSpan(path, value, allowInfinite) : defaultValue;

    /// <summary>
    /// The size in bytes at <paramref name="path"/>: a bare number is bytes; units follow the specification's table
    /// (<c>128000b</c>, <c>1k</c>, <c>64KiB</c>, <c>1M</c> = <c>1MiB</c> = 1048576, <c>1 MB</c> = 1000000).
    /// </summary>
    /// <exception cref="ConfigurationException">The path is absent or null, or the value is not a size.</exception>
    public long GetByteSize(string path) => ToByteSize(path, Require(path, ByteSizeParser.Expected));

    /// <summary>The size in bytes at <paramref name="path"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    /// <exception cref="ConfigurationException">The value is not a size.</exception>
    public long GetByteSize(string path, long defaultValue) =>
        Optional(path) is { } value ? ToByteSize(path, value) : defaultValue;

    private static string DurationExpected(bool allowInfinite) =>
        allowInfinite ? DurationParser.Expected + ", or infinite" : DurationParser.Expected;

    private TimeSpan ToTimeSpan(string path, HoconValue value, bool allowInfinite)
    {
        if (value is HoconScalar { Type: HoconValueType.Number or HoconValueType.String } scalar
            && DurationParser.TryParse(scalar.Text, allowInfinite, out var duration))
        {
            return duration;
        }

        throw WrongType(path, value, DurationExpected(allowInfinite));
    }

    private long ToByteSize(string path, HoconValue value)
    {
        if (value is HoconScalar { Type: HoconValueType.Number or HoconValueType.String } scalar
            && ByteSizeParser.TryParse(scalar.Text, out var size))
        {
            return size;
        }

        throw WrongType(path, value, ByteSizeParser.Expected);
    }
}
