using System.Globalization;
using System.Text;
using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Rendering;

/// <summary>
/// Renders resolved values as HOCON that parses back to the same tree: strings always quoted (JSON escapes),
/// numbers as written, keys unquoted when safe, two-space indentation.
/// </summary>
internal static class HoconRenderer
{
    /// <summary>Renders a value; an object at the root is rendered without its braces.</summary>
    public static string Render(HoconValue value, bool rootWithoutBraces = false)
    {
        var builder = new StringBuilder();
        if (rootWithoutBraces && value is HoconObject { Count: > 0 } root)
        {
            AppendFields(builder, root, 0);
        }
        else
        {
            AppendValue(builder, value, 0);
            builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> as a JSON string literal.</summary>
    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }

    private static void AppendFields(StringBuilder builder, HoconObject obj, int indent)
    {
        foreach (var (key, value) in obj)
        {
            builder.Append(' ', indent * 2);
            HoconPath.AppendKey(builder, key);
            builder.Append(value is HoconObject ? " " : " = ");
            AppendValue(builder, value, indent);
            builder.Append('\n');
        }
    }

    private static void AppendValue(StringBuilder builder, HoconValue value, int indent)
    {
        switch (value)
        {
            case HoconObject { Count: 0 }:
                builder.Append("{}");
                break;
            case HoconObject obj:
                builder.Append("{\n");
                AppendFields(builder, obj, indent + 1);
                builder.Append(' ', indent * 2).Append('}');
                break;
            case HoconArray { Count: 0 }:
                builder.Append("[]");
                break;
            case HoconArray array when array.All(v => v is HoconScalar):
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    AppendValue(builder, array[i], indent);
                }

                builder.Append(']');
                break;
            case HoconArray array:
                builder.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(' ', (indent + 1) * 2);
                    AppendValue(builder, array[i], indent + 1);
                    builder.Append(i < array.Count - 1 ? ",\n" : "\n");
                }

                builder.Append(' ', indent * 2).Append(']');
                break;
            case HoconScalar { Type: HoconValueType.String } text:
                AppendQuoted(builder, text.Text);
                break;
            case HoconScalar scalar:
                builder.Append(scalar.Text);
                break;
        }
    }
}
