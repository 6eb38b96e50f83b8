using LithairAkka.Hocon.Rendering;

namespace LithairAkka.Hocon;

/// <summary>Lookup helpers and the messages for missing and mistyped values.</summary>
public sealed partial class Config
{
    private const string StringType = "a string";
    private const string IntegerType = "an integer";
    private const string NumberType = "a number";
    private const string BooleanType = "a boolean (true, false, yes, no, on or off)";
    private const string ObjectType = "an object";
    private const string StringListType = "a list of strings";
    private const string ObjectListType = "a list of objects";

    /// <summary>The value at <paramref name="path"/> for a required read; throws when absent or null.</summary>
    private HoconValue Require(string path, string expected)
    {
        var value = GetValue(path);
        if (value is null)
        {
            throw new ConfigurationException($"Configuration key '{path}' is missing (expected {expected})", path, Origin, 0, 0);
        }

        if (value.Type == HoconValueType.Null)
        {
            throw Error(path, value, expected, "is null");
        }

        return value;
    }

    /// <summary>The value at <paramref name="path"/> for a read with a default: <see langword="null"/> when absent or null.</summary>
    private HoconValue? Optional(string path)
    {
        var value = GetValue(path);
        return value is null || value.Type == HoconValueType.Null ? null : value;
    }

    private ConfigurationException WrongType(string path, HoconValue value, string expected) =>
        Error(path, value, expected, $"has value {Describe(value)}");

    private ConfigurationException Error(string path, HoconValue value, string expected, string what)
    {
        var position = value.Position;
        var where = position is { Line: > 0 } ? $" at {position}" : position is { } p ? $" from {p}" : string.Empty;
        return new ConfigurationException(
            $"Configuration key '{path}' {what}{where} (expected {expected})",
            path,
            position?.Origin ?? Origin,
            position?.Line ?? 0,
            position?.Column ?? 0);
    }

    private static string Describe(HoconValue value)
    {
        switch (value)
        {
            case HoconObject:
                return "an object";
            case HoconArray array:
                return $"a list of {array.Count} element(s)";
            case HoconScalar { Type: HoconValueType.String } text:
                var shown = text.Text.Length > 80 ? text.Text[..80] + "..." : text.Text;
                var builder = new System.Text.StringBuilder();
                HoconRenderer.AppendQuoted(builder, shown);
                return builder.ToString();
            default:
                return ((HoconScalar)value).Text;
        }
    }
}
