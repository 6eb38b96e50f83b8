using System.Globalization;

namespace LithairAkka.Hocon;

/// <summary>Strings, numbers and booleans, with the specification's automatic conversions.</summary>
public sealed partial class Config
{
    /// <summary>The string at <paramref name="path"/>; numbers and booleans are converted to their text.</summary>
    /// <exception cref="ConfigurationException">The path is absent or null, or holds an object or a list.</exception>
    public string GetString(string path) => ToText(path, Require(path, StringType));

    /// <summary>The string at <paramref name="path"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    /// <exception cref="ConfigurationException">The path holds an object or a list.</exception>
    public string GetString(string path, string defaultValue) =>
        Optional(path) is { } value ? ToText(path, value) : defaultValue;

    /// <summary>The 32-bit integer at <paramref name="path"/>; strings holding a number are converted.</summary>
    /// <exception cref="ConfigurationException">The path is absent or null, or the value is not an integer in range.</exception>
    public int GetInt(string path) => ToInt(path, Require(path, IntegerType));

    /// <summary>The 32-bit integer at <paramref name="path"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    /// <exception cref="ConfigurationException">The value is not an integer in range.</exception>
    public int GetInt(string path, int defaultValue) =>
        Optional(path) is { } value ? ToInt(path, value) : defaultValue;

    /// <summary>The 64-bit integer at <paramref name="path"/>; strings holding a number are converted.</summary>
    /// <exception cref="ConfigurationException">The path is absent or null, or the value is not an integer in range.</exception>
    public long GetLong(string path) => ToLong(path, Require(path, IntegerType));

    /// <summary>The 64-bit integer at <paramref name="path"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    /// <exception cref="ConfigurationException">The value is not an integer in range.</exception>
    public long GetLong(string path, long defaultValue) =>
        Optional(path) is { } value ? ToLong(path, value) : defaultValue;

    /// <summary>The number at <paramref name="path"/>; strings holding a number are converted.</summary>
    /// <exception cref="ConfigurationException">The path is absent or null, or the value is not a finite number.</exception>
    public double GetDouble(string path) => ToDouble(path, Require(path, NumberType));

    /// <summary>The number at <paramref name="path"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    /// <exception cref="ConfigurationException">The value is not a finite number.</exception>
    public double GetDouble(string path, double defaultValue) =>
        Optional(path) is { } value ? ToDouble(path, value) : defaultValue;

    /// <summary>The boolean at <paramref name="path"/>; the strings true/yes/on and false/no/off are converted (any case).</summary>
    /// <exception cref="ConfigurationException">The path is absent or null, or the value is not a boolean.</exception>
    public bool GetBoolean(string path) => ToBoolean(path, Require(path, BooleanType));

    /// <summary>The boolean at <paramref name="path"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    /// <exception cref="ConfigurationException">The value is not a boolean.</exception>
    public bool GetBoolean(string path, bool defaultValue) =>
        Optional(path) is { } value ? ToBoolean(path, value) : defaultValue;

    private string ToText(string path, HoconValue value) =>
        value is HoconScalar scalar ? scalar.Text : throw WrongType(path, value, StringType);

    private int ToInt(string path, HoconValue value)
    {
        if (TryGetLong(value, out var number) && number is >= int.MinValue and <= int.MaxValue)
        {
            return (int)number;
        }

        throw WrongType(path, value, IntegerType + " between -2147483648 and 2147483647");
    }

    private long ToLong(string path, HoconValue value) =>
        TryGetLong(value, out var number) ? number : throw WrongType(path, value, IntegerType);

    private double ToDouble(string path, HoconValue value)
    {
        if (value is HoconScalar { Type: HoconValueType.Number or HoconValueType.String } scalar
            && double.TryParse(scalar.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return number;
        }

        throw WrongType(path, value, NumberType);
    }

    private bool ToBoolean(string path, HoconValue value)
    {
        if (value is HoconScalar { Type: HoconValueType.Boolean or HoconValueType.String } scalar)
        {
            switch (scalar.Text.Trim().ToLowerInvariant())
            {
                case "true" or "yes" or "on":
                    return true;
                case "false" or "no" or "off":
                    return false;
            }
        }

        throw WrongType(path, value, BooleanType);
    }

    // Integers as written ("42"), or integral numbers in exponent or decimal form ("1e3", "2.0").
    private static bool TryGetLong(HoconValue value, out long number)
    {
        number = 0;
        if (value is not HoconScalar { Type: HoconValueType.Number or HoconValueType.String } scalar)
        {
            return false;
        }

        var text = scalar.Text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && exact == decimal.Truncate(exact) && exact is >= long.MinValue and <= long.MaxValue)
        {
            number = (long)exact;
            return true;
        }

        return false;
    }
}
