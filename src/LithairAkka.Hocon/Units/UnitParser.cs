using System.Globalization;

namespace LithairAkka.Hocon.Units;

/// <summary>
/// The specification's "units format": optional whitespace, a number, optional whitespace, an optional unit
/// made only of letters, optional whitespace.
/// </summary>
internal static class UnitParser
{
    /// <summary>Splits <paramref name="text"/> into its number and its (possibly empty) unit.</summary>
    public static bool TrySplit(string text, out decimal number, out string unit)
    {
        var span = text.AsSpan().Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsLetter(span[unitStart - 1]))
        {
            unitStart--;
        }

        unit = span[unitStart..].ToString();
        var numberPart = span[..unitStart].TrimEnd();
        number = 0;
        return numberPart.Length > 0 && IsJsonLikeNumber(numberPart)
            && decimal.TryParse(numberPart, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Multiplies and truncates toward zero, failing instead of overflowing a long.</summary>
    public static bool TryScale(decimal number, decimal factor, out long result)
    {
        result = 0;
        try
        {
            var scaled = decimal.Truncate(number * factor);
            if (scaled < long.MinValue || scaled > long.MaxValue)
            {
                return false;
            }

            result = (long)scaled;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool IsJsonLikeNumber(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiDigit(c) || c is '-' or '+' or '.' or 'e' or 'E'))
            {
                return false;
            }
        }

        return true;
    }
}
