namespace LithairAkka.Remote;

/// <summary>
/// The last <c>max-sample-size</c> heartbeat intervals (milliseconds) with running sums, so the mean and the variance
/// cost O(1). Not thread-safe (owned by the remote watcher actor).
/// </summary>
internal sealed class HeartbeatHistory
{
    private readonly double[] _intervals;
    private int _next;
    private int _count;
    private double _sum;
    private double _squares;

    public HeartbeatHistory(int maxSampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSampleSize, 1);
        _intervals = new double[maxSampleSize];
    }

    public int Count => _count;

    public double Mean => _count == 0 ? 0 : _sum / _count;

    public double Variance => _count == 0 ? 0 : Math.Max(0, (_squares / _count) - (Mean * Mean));

    public double StdDeviation => Math.Sqrt(Variance);

    public void Add(double interval)
    {
        if (_count == _intervals.Length)
        {
            var dropped = _intervals[_next];
            _sum -= dropped;
            _squares -= dropped * dropped;
        }
        else
        {
            _count++;
        }

        _intervals[_next] = interval;
        _next = (_next + 1) % _intervals.Length;
        _sum += interval;
        _squares += interval * interval;
    }
}
