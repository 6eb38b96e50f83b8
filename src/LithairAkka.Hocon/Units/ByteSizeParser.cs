namespace LithairAkka.Hocon.Units;

/// <summary>
/// Sizes in bytes, exactly after the specification's table: a bare number is bytes; <c>B</c>/<c>b</c>/<c>byte(s)</c>;
/// powers of ten <c>kB</c>, <c>MB</c> ... <c>YB</c> and their names; powers of two <c>K</c>/<c>k</c>/<c>Ki</c>/<c>KiB</c>,
/// <c>M</c>/<c>m</c>/<c>Mi</c>/<c>MiB</c> ... <c>Y</c> and their names (so <c>1M</c> = <c>1MiB</c> = 1048576 and
/// <c>1MB</c> = 1000000). Fractions are truncated to whole bytes.
/// </summary>
internal static class ByteSizeParser
{
    private static readonly Dictionary<string, decimal> BytesPerUnit = Build();

    /// <summary>The accepted forms, for error messages.</summary>
    public const string Expected = "a size in bytes such as 128000b, 1k, 64KiB, 1M (= 1MiB) or 1 MB (= 1000000) (a bare number is bytes)";

    public static bool TryParse(string text, out long value)
    {
        value = 0;
        if (!UnitParser.TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        var factor = unit.Length == 0 ? 1m : BytesPerUnit.GetValueOrDefault(unit);
        return factor != 0 && UnitParser.TryScale(number, factor, out value);
    }

    private static Dictionary<string, decimal> Build()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["B"] = 1,
            ["b"] = 1,
            ["byte"] = 1,
            ["bytes"] = 1,
        };

        (char Letter, string Decimal, string Binary)[] prefixes =
        [
            ('k', "kilo", "kibi"), ('m', "mega", "mebi"), ('g', "giga", "gibi"), ('t', "tera", "tebi"),
            ('p', "peta", "pebi"), ('e', "exa", "exbi"), ('z', "zetta", "zebi"), ('y', "yotta", "yobi"),
        ];
        decimal powerOfTen = 1;
        decimal powerOfTwo = 1;
        foreach (var (letter, decimalName, binaryName) in prefixes)
        {
            powerOfTen *= 1000;
            powerOfTwo *= 1024;
            var upper = char.ToUpperInvariant(letter).ToString();

            // "kB" is the one power-of-ten symbol with a lowercase letter.
            table.Add((letter == 'k' ? "k" : upper) + "B", powerOfTen);
            table.Add(decimalName + "byte", powerOfTen);
            table.Add(decimalName + "bytes", powerOfTen);

            table.Add(upper, powerOfTwo);
            table.Add(letter.ToString(), powerOfTwo);
            table.Add(upper + "i", powerOfTwo);
            table.Add(upper + "iB", powerOfTwo);
            table.Add(binaryName + "byte", powerOfTwo);
            table.Add(binaryName + "bytes", powerOfTwo);
        }

        return table;
    }
}
