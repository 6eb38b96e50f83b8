using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace LithairAkka.Management.Metrics;

/// <content>Series storage and the text format.</content>
public sealed partial class PrometheusExporter
{
    private enum InstrumentKind
    {
        Counter,
        UpDownCounter,
        Gauge,
        Histogram,
    }

    private static string FormatLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var pairs = new List<KeyValuePair<string, object?>>(tags.Length);
        foreach (var tag in tags)
        {
            pairs.Add(tag);
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            builder.Append(builder.Length == 0 ? string.Empty : ",").Append(SanitizeName(key)).Append("=\"");
            foreach (var c in Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)
            {
                builder.Append(c switch
                {
                    '\\' => "\\\\",
                    '"' => "\\\"",
                    '\n' => "\\n",
                    _ => c.ToString(),
                });
            }

            builder.Append('"');
        }

        return builder.ToString();
    }

    private static string SanitizeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        return builder.ToString();
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string WithLabels(string labels, string extra) =>
        labels.Length == 0 ? "{" + extra + "}" : "{" + labels + "," + extra + "}";

    private static void Write(TextWriter writer, InstrumentState state)
    {
        if (state.Series.IsEmpty)
        {
            return;
        }

        var name = state.Name;
        if (!string.IsNullOrEmpty(state.Description))
        {
            writer.Write($"# HELP {name} {state.Description.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\n");
        }

        var type = state.Kind switch
        {
            InstrumentKind.Counter => "counter",
            InstrumentKind.Histogram => "histogram",
            _ => "gauge",
        };
        writer.Write($"# TYPE {name} {type}\n");
        foreach (var (labels, series) in state.Series.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var sample = series.Read();
            if (state.Kind != InstrumentKind.Histogram)
            {
                writer.Write($"{name}{(labels.Length == 0 ? string.Empty : "{" + labels + "}")} {Number(sample.Value)}\n");
                continue;
            }

            long cumulative = 0;
            for (var i = 0; i < DefaultBuckets.Count; i++)
            {
                cumulative += sample.Buckets[i];
                writer.Write($"{name}_bucket{WithLabels(labels, "le=\"" + Number(DefaultBuckets[i]) + "\"")} {cumulative}\n");
            }

            writer.Write($"{name}_bucket{WithLabels(labels, "le=\"+Inf\"")} {sample.Count}\n");
            var plain = labels.Length == 0 ? string.Empty : "{" + labels + "}";
            writer.Write($"{name}_sum{plain} {Number(sample.Value)}\n");
            writer.Write($"{name}_count{plain} {sample.Count}\n");
        }
    }

    private sealed class InstrumentState
    {
        public InstrumentState(Instrument instrument)
        {
            var type = instrument.GetType().GetGenericTypeDefinition();
            IsObservable = instrument.IsObservable;
            Kind = type == typeof(Counter<>) || type == typeof(ObservableCounter<>) ? InstrumentKind.Counter
                : type == typeof(Histogram<>) ? InstrumentKind.Histogram
                : type == typeof(UpDownCounter<>) ? InstrumentKind.UpDownCounter
                : InstrumentKind.Gauge;
            var name = SanitizeName(instrument.Name);
            Name = Kind == InstrumentKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
            Description = instrument.Description;
        }

        public string Name { get; }

        public string? Description { get; }

        public InstrumentKind Kind { get; }

        public bool IsObservable { get; }

        public ConcurrentDictionary<string, Series> Series { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Series(bool histogram)
    {
        private readonly Lock _gate = new();
        private readonly long[] _buckets = histogram ? new long[DefaultBuckets.Count] : [];
        private double _value;
        private long _count;

        public void Record(InstrumentKind kind, double value)
        {
            lock (_gate)
            {
                switch (kind)
                {
                    case InstrumentKind.Histogram:
                        _value += value;
                        _count++;
                        for (var i = 0; i < _buckets.Length; i++)
                        {
                            if (value <= DefaultBuckets[i])
                            {
                                _buckets[i]++;
                                break;
                            }
                        }

                        break;
                    case InstrumentKind.Counter or InstrumentKind.UpDownCounter:
                        // An observable counter reports its running total once per scrape into a fresh series.
                        _value += value;
                        break;
                    default:
                        _value = value;
                        break;
                }
            }
        }

        public (double Value, long Count, long[] Buckets) Read()
        {
            lock (_gate)
            {
                return (_value, _count, (long[])_buckets.Clone());
            }
        }
    }
}
