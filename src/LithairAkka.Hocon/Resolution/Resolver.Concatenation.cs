using System.Text;
using LithairAkka.Hocon.Parsing;
using LithairAkka.Hocon.Raw;

namespace LithairAkka.Hocon.Resolution;

/// <summary>Value concatenations whose parts are known only after resolution.</summary>
internal sealed partial class Resolver
{
    private HoconValue? ResolveConcatenation(RawConcatenation concatenation)
    {
        var items = new List<(HoconValue? Value, string? Whitespace)>(concatenation.Parts.Count);
        var values = 0;
        var objects = 0;
        var arrays = 0;
        foreach (var part in concatenation.Parts)
        {
            if (part is RawWhitespace whitespace)
            {
                items.Add((null, whitespace.Text));
                continue;
            }

            // An undefined optional substitution contributes nothing: "" next to strings, [] or {} next to arrays or objects.
            var value = ResolveNode(part);
            if (value is null)
            {
                continue;
            }

            items.Add((value, null));
            values++;
            objects += value is HoconObject ? 1 : 0;
            arrays += value is HoconArray ? 1 : 0;
        }

        var position = concatenation.Position ?? new SourcePosition("unknown", 0, 0);
        if (values == 0)
        {
            return null;
        }

        if (objects > 0 || arrays > 0)
        {
            if (objects != values && arrays != values)
            {
                throw ConfigurationException.At(
                    position,
                    $"cannot concatenate {DescribeKinds(items)}: only strings with strings, arrays with arrays or objects with objects");
            }

            // Whitespace between arrays or objects is insignificant.
            HoconValue? result = null;
            foreach (var (value, _) in items)
            {
                if (value is null)
                {
                    continue;
                }

                result = result switch
                {
                    null => value,
                    HoconObject lower => HoconObject.Merge(lower, (HoconObject)value),
                    _ => HoconArray.Concat((HoconArray)result, (HoconArray)value, position),
                };
            }

            return result;
        }

        if (items.Count == 1)
        {
            // A single remaining value keeps its type (e.g. "${?a}${b}" with a undefined is just b).
            return items[0].Value;
        }

        var builder = new StringBuilder();
        foreach (var (value, whitespace) in items)
        {
            builder.Append(whitespace ?? ((HoconScalar)value!).Text);
        }

        return HoconScalar.String(builder.ToString(), position);
    }

    private static string DescribeKinds(List<(HoconValue? Value, string? Whitespace)> items)
    {
        var kinds = items
            .Where(i => i.Value is not null)
            .Select(i => i.Value!.Type switch
            {
                HoconValueType.Object => "an object",
                HoconValueType.Array => "an array",
                _ => "a string",
            })
            .Distinct();
        return string.Join(" with ", kinds);
    }
}
