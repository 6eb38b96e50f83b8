using System.Buffers;
using System.Text;
using System.Text.Json;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Client;

/// <summary>
/// Prints command outputs: aligned tables, <c>name: value</c> records and plain lines by default; with JSON, one
/// compact document per output and line (a table is an array of objects, a record an object).
/// </summary>
internal sealed class OutputRenderer(TextWriter writer, bool json)
{
    private const string Separator = " | ";

    public void Render(CommandOutput output)
    {
        if (json)
        {
            writer.WriteLine(ToJson(output));
            return;
        }

        switch (output.Kind)
        {
            case CommandOutputKind.Table:
                RenderTable(output.Columns ?? [], output.Rows ?? []);
                break;
            case CommandOutputKind.Record:
                var fields = output.Fields ?? [];
                var width = fields.Count == 0 ? 0 : fields.Max(f => f.Name.Length) + 1;
                foreach (var field in fields)
                {
                    writer.WriteLine($"{(field.Name + ":").PadRight(width)} {field.Value}");
                }

                break;
            default:
                writer.WriteLine(output.Text);
                break;
        }

        writer.Flush();
    }

    public static string ToJson(CommandOutput output)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            switch (output.Kind)
            {
                case CommandOutputKind.Table:
                    var columns = output.Columns ?? [];
                    json.WriteStartArray();
                    foreach (var row in output.Rows ?? [])
                    {
                        WriteObject(json, columns.Select((c, i) => new OutputField(c, row[i])));
                    }

                    json.WriteEndArray();
                    break;
                case CommandOutputKind.Record:
                    WriteObject(json, output.Fields ?? []);
                    break;
                default:
                    WriteObject(json, output.Fields ?? [new OutputField("message", output.Text ?? string.Empty)]);
                    break;
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A failure as one JSON document: <c>{"error":MESSAGE,"exit-code":N}</c>.</summary>
    public static string ErrorJson(string message, int exitCode)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteNumber("exit-code", exitCode);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteObject(Utf8JsonWriter json, IEnumerable<OutputField> fields)
    {
        json.WriteStartObject();
        foreach (var field in fields)
        {
            json.WriteString(field.Name, field.Value);
        }

        json.WriteEndObject();
    }

    private void RenderTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (rows.Count == 0)
        {
            writer.WriteLine("(none)");
            return;
        }

        var widths = columns.Select((c, i) => Math.Max(c.Length, rows.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(Line(columns, widths));
        writer.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            writer.WriteLine(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> values, int[] widths) =>
        string.Join(Separator, values.Select((v, i) => i == values.Count - 1 ? v : v.PadRight(widths[i]))).TrimEnd();
}
