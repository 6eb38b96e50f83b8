namespace LithairAkka.Remote;

/// <summary>
/// The phi-accrual failure detector (Hayashibara et al., "The φ Accrual Failure Detector", 2004), as Akka uses it:
/// phi = -log10(P(a heartbeat arrives later than now)), with inter-arrival times modelled as a normal distribution of
/// the recent intervals (mean raised by <c>acceptable-heartbeat-pause</c>, deviation floored at
/// <c>min-std-deviation</c>). The node is available while phi stays below <c>threshold</c>. Timestamps come from
/// the caller (monotonic, as <see cref="TimeSpan"/>), so tests drive it without a clock. Not thread-safe.
/// </summary>
internal sealed class PhiAccrualFailureDetector
{
    private readonly double _threshold;
    private readonly double _minStdDeviationMs;
    private readonly double _acceptablePauseMs;
    private readonly double _firstHeartbeatEstimateMs;
    private readonly HeartbeatHistory _history;
    private TimeSpan? _last;

    public PhiAccrualFailureDetector(double threshold, int maxSampleSize, TimeSpan minStdDeviation, TimeSpan acceptableHeartbeatPause, TimeSpan firstHeartbeatEstimate)
    {
        _threshold = threshold;
        _minStdDeviationMs = minStdDeviation.TotalMilliseconds;
        _acceptablePauseMs = acceptableHeartbeatPause.TotalMilliseconds;
        _firstHeartbeatEstimateMs = firstHeartbeatEstimate.TotalMilliseconds;
        _history = new HeartbeatHistory(maxSampleSize);
    }

    /// <summary>True once a first heartbeat (or its expected time) was recorded.</summary>
    public bool IsMonitoring => _last is not null;

    /// <summary>Records a heartbeat arrival at <paramref name="now"/>.</summary>
    public void Heartbeat(TimeSpan now)
    {
        if (_last is not { } last)
        {
            // Seed the history with the expected interval so the first minutes behave: mean m, deviation m/4.
            var deviation = _firstHeartbeatEstimateMs / 4;
            _history.Add(_firstHeartbeatEstimateMs - deviation);
            _history.Add(_firstHeartbeatEstimateMs + deviation);
        }
        else if (IsAvailable(now))
        {
            // An interval that spans an outage would inflate the mean for a long time: only healthy ones count.
            _history.Add((now - last).TotalMilliseconds);
        }

        _last = now;
    }

    /// <summary>The suspicion level at <paramref name="now"/>; 0 before the first heartbeat.</summary>
    public double Phi(TimeSpan now)
    {
        if (_last is not { } last)
        {
            return 0;
        }

        var elapsed = (now - last).TotalMilliseconds;
        var mean = _history.Mean + _acceptablePauseMs;
        var deviation = Math.Max(_history.StdDeviation, _minStdDeviationMs);
        return Phi(elapsed, mean, deviation);
    }

    /// <summary>True while phi is below the threshold (always before the first heartbeat).</summary>
    public bool IsAvailable(TimeSpan now) => Phi(now) < _threshold;

    /// <summary>
    /// Phi of a normal distribution, with the logistic approximation of its cumulative distribution function
    /// (error below 0.0002) that Akka uses; it stays finite where the exact tail underflows.
    /// </summary>
    internal static double Phi(double elapsedMs, double meanMs, double deviationMs)
    {
        var y = (elapsedMs - meanMs) / deviationMs;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return elapsedMs > meanMs ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }
}
