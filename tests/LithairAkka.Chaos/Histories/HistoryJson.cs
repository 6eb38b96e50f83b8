using System.Text.Json;
using System.Text.Json.Serialization;

namespace LithairAkka.Chaos.Histories;

/// <summary>
/// Reads and writes histories as JSON lines: one <see cref="Operation"/> object per line, camelCase properties,
/// kebab-case enum names (<c>"kind":"conditional-put"</c>, <c>"outcome":"not-found"</c>), null members omitted.
/// Blank lines are skipped on reading, so a history can be re-checked offline with <c>check FILE</c>.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class HistoryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Formats one operation as a single JSON line (no trailing newline).</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Operation operation) => JsonSerializer.Serialize(operation, Options);

    /// <summary>Parses one JSON line.</summary>
    /// <param name="line">The JSON text of one operation.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="JsonException">The line is not a valid operation (missing member, unknown enum name).</exception>
    public static Operation Deserialize(string line) =>
        JsonSerializer.Deserialize<Operation>(line, Options) ?? throw new JsonException("A history line is null.");

    /// <summary>Writes every operation, one per line.</summary>
    /// <param name="writer">Where to write; not closed.</param>
    /// <param name="operations">The operations, written in the given order.</param>
    public static void Write(TextWriter writer, IEnumerable<Operation> operations)
    {
        foreach (var operation in operations)
        {
            writer.Write(Serialize(operation));
            writer.Write('\n');
        }
    }

    /// <summary>Reads every operation of a JSON-lines history.</summary>
    /// <param name="reader">The text; read to its end, not closed.</param>
    /// <returns>The operations in file order.</returns>
    /// <exception cref="FormatException">A line is not a valid operation; the message names the line number.</exception>
    public static IReadOnlyList<Operation> Read(TextReader reader)
    {
        var operations = new List<Operation>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                operations.Add(Deserialize(line));
            }
            catch (JsonException e)
            {
                throw new FormatException($"History line {number} is not a valid operation: {e.Message}", e);
            }
        }

        return operations;
    }

    /// <summary>Reads a JSON-lines history file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The operations in file order.</returns>
    /// <exception cref="FormatException">A line is not a valid operation.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<Operation> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }
}
