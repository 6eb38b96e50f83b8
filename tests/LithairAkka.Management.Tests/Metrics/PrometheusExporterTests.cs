using System.Diagnostics.Metrics;
using LithairAkka.Management.Metrics;

namespace LithairAkka.Management.Tests.Metrics;

public sealed class PrometheusExporterTests
{
    [Fact]
    public void Collect_Counter_SumsPerLabelSetWithTotalSuffix()
    {
        using var meter = new Meter("test.counter." + Guid.NewGuid().ToString("N"));
        using var exporter = new PrometheusExporter([meter]);
        var counter = meter.CreateCounter<long>("requests", description: "Requests.");

        counter.Add(2, new KeyValuePair<string, object?>("code", 200));
        counter.Add(3, new KeyValuePair<string, object?>("code", 200));
        counter.Add(1, new KeyValuePair<string, object?>("code", "5\"0\\3"));
        var text = exporter.Collect();

        Assert.Contains("# HELP requests_total Requests.\n# TYPE requests_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("requests_total{code=\"200\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("requests_total{code=\"5\\\"0\\\\3\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_ObservableGauge_SamplesCurrentValueEachTime()
    {
        using var meter = new Meter("test.gauge." + Guid.NewGuid().ToString("N"));
        using var exporter = new PrometheusExporter([meter]);
        var value = 7L;
        meter.CreateObservableGauge("raft.term", () => value);

        var first = exporter.Collect();
        value = 9;
        var second = exporter.Collect();

        Assert.Contains("# TYPE raft_term gauge\nraft_term 7\n", first, StringComparison.Ordinal);
        Assert.Contains("raft_term 9\n", second, StringComparison.Ordinal);
        Assert.DoesNotContain("raft_term 7", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_Histogram_WritesCumulativeBucketsSumAndCount()
    {
        using var meter = new Meter("test.histogram." + Guid.NewGuid().ToString("N"));
        using var exporter = new PrometheusExporter([meter]);
        var histogram = meter.CreateHistogram<double>("latency_seconds");

        histogram.Record(0.004);
        histogram.Record(0.2);
        histogram.Record(30);
        var text = exporter.Collect();

        Assert.Contains("latency_seconds_bucket{le=\"0.001\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("latency_seconds_bucket{le=\"0.005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("latency_seconds_bucket{le=\"0.25\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("latency_seconds_bucket{le=\"10\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("latency_seconds_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("latency_seconds_sum 30.204\n", text, StringComparison.Ordinal);
        Assert.Contains("latency_seconds_count 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_OtherMeter_IsNotExported()
    {
        using var mine = new Meter("test.mine." + Guid.NewGuid().ToString("N"));
        using var other = new Meter("test.other." + Guid.NewGuid().ToString("N"));
        using var exporter = new PrometheusExporter([mine]);
        other.CreateCounter<long>("foreign").Add(1);

        Assert.DoesNotContain("foreign", exporter.Collect(), StringComparison.Ordinal);
    }
}
