namespace LithairAkka.Cmd.Palettes;

/// <summary>
/// One piece of a command's output, sent to the client as it is written: clients print a table (or text) by
/// default and one JSON document per output with <c>--json</c>. Build one with <see cref="Message"/>,
/// <see cref="Table"/> or <c>Record</c>. Immutable.
/// </summary>
/// <param name="Kind">The shape.</param>
/// <param name="Text">For a message, its text.</param>
/// <param name="Columns">For a table, the column names.</param>
/// <param name="Rows">For a table, the rows, each with one value per column.</param>
/// <param name="Fields">For a record, its values; for a message, optional structured values for <c>--json</c>.</param>
public sealed record CommandOutput(
    CommandOutputKind Kind,
    string? Text,
    IReadOnlyList<string>? Columns,
    IReadOnlyList<IReadOnlyList<string>>? Rows,
    IReadOnlyList<OutputField>? Fields)
{
    /// <summary>A line of text; <paramref name="fields"/>, when given, is what <c>--json</c> prints instead of the text.</summary>
    public static CommandOutput Message(string text, IReadOnlyList<OutputField>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(CommandOutputKind.Message, text, null, null, fields);
    }

    /// <summary>A table.</summary>
    /// <exception cref="ArgumentException">A row does not have one value per column.</exception>
    public static CommandOutput Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Any(r => r.Count != columns.Count))
        {
            throw new ArgumentException($"Every row must have {columns.Count} values, one per column.", nameof(rows));
        }

        return new(CommandOutputKind.Table, null, columns, rows, null);
    }

    /// <summary>A record of named values, in order.</summary>
    public static CommandOutput Record(IReadOnlyList<OutputField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(CommandOutputKind.Record, null, null, null, fields);
    }

    /// <summary>A record from name/value pairs.</summary>
    public static CommandOutput Record(params (string Name, object? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Record(fields.Select(f => new OutputField(f.Name, Format(f.Value))).ToArray());
    }

    /// <summary>Formats a value the way outputs show it: invariant culture, ISO 8601 for times, empty for null.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
