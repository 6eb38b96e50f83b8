namespace LithairAkka.Remote;

/// <summary>
/// The last inter-arrival intervals (milliseconds) with their running sum and sum of squares, for the phi accrual
/// detector's mean and standard deviation. Not thread-safe: the detector guards it.
/// </summary>
internal sealed class HeartbeatHistory
{
    private readonly double[] _intervals;
    private int _start;
    private int _count;
    private double _sum;
    private double _squaredSum;
    private int _sinceRecompute;

    public HeartbeatHistory(int maxSampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSampleSize, 1);
        _intervals = new double[maxSampleSize];
    }

    public int Count => _count;

    public double Mean => _count == 0 ? 0.0 : _sum / _count;

    public double Variance => _count == 0 ? 0.0 : Math.Max(0.0, (_squaredSum / _count) - (Mean * Mean));

    public double StdDeviation => Math.Sqrt(Variance);

    public void Add(double interval)
    {
        if (_count == _intervals.Length)
        {
            var dropped = _intervals[_start];
            _sum -= dropped;
            _squaredSum -= dropped * dropped;
            _intervals[_start] = interval;
            _start = (_start + 1) % _intervals.Length;
        }
        else
        {
            _intervals[(_start + _count) % _intervals.Length] = interval;
            _count++;
        }

        _sum += interval;
        _squaredSum += interval * interval;

        // Running subtraction accumulates rounding error; recompute once per full window.
        if (++_sinceRecompute >= _intervals.Length)
        {
            Recompute();
        }
    }

    private void Recompute()
    {
        _sinceRecompute = 0;
        _sum = 0.0;
        _squaredSum = 0.0;
        for (var i = 0; i < _count; i++)
        {
            var value = _intervals[(_start + i) % _intervals.Length];
            _sum += value;
            _squaredSum += value * value;
        }
    }
}
