using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace LithairAkka.Management.Metrics;

/// <summary>
/// Collects the measurements of the given <see cref="Meter"/>s through a <see cref="MeterListener"/> and renders them
/// in the Prometheus text exposition format (version 0.0.4): counters as <c>_total</c>, up-down counters and gauges
/// as gauges, histograms as cumulative <c>_bucket</c>/<c>_sum</c>/<c>_count</c>. Instrument names have dots replaced
/// by underscores. Observable instruments are sampled on each <see cref="Collect"/>.
/// </summary>
/// <remarks>Thread-safe: measurements may arrive from any thread while a scrape runs.</remarks>
public sealed partial class PrometheusExporter : IDisposable
{
    /// <summary>Histogram bucket upper bounds (seconds-oriented, as Prometheus client libraries default to).</summary>
    public static readonly IReadOnlyList<double> DefaultBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly HashSet<Meter> _meters;
    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _instruments = new();
    private readonly Lock _scrapeGate = new();

    /// <summary>Starts listening to <paramref name="meters"/> (instruments created later are included).</summary>
    /// <param name="meters">The meters to export.</param>
    public PrometheusExporter(IEnumerable<Meter> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meters = [.. meters];
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (_meters.Contains(instrument.Meter))
                {
                    _instruments.TryAdd(instrument, new InstrumentState(instrument));
                    listener.EnableMeasurementEvents(instrument);
                }
            },
            MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentState? _),
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>Samples the observable instruments and renders every series.</summary>
    /// <returns>The exposition text.</returns>
    public string Collect()
    {
        lock (_scrapeGate)
        {
            foreach (var state in _instruments.Values.Where(s => s.IsObservable))
            {
                // Observable series are re-reported on each sample: a follower that left must not linger.
                state.Series.Clear();
            }

            _listener.RecordObservableInstruments();
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var state in _instruments.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                Write(writer, state);
            }

            return writer.ToString();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_instruments.TryGetValue(instrument, out var state))
        {
            return;
        }

        var series = state.Series.GetOrAdd(FormatLabels(tags), _ => new Series(state.Kind == InstrumentKind.Histogram));
        series.Record(state.Kind, value);
    }
}
