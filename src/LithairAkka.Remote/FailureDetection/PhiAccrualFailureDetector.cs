namespace LithairAkka.Remote;

/// <summary>
/// The phi accrual failure detector of Hayashibara et al. ("The φ Accrual Failure Detector", 2004), as in Akka.
/// It keeps the last <c>max-sample-size</c> heartbeat inter-arrival times and, at any moment, computes
/// <c>phi = -log10(1 - F(elapsed))</c> where F is the normal distribution's CDF with the sample mean plus
/// <c>acceptable-heartbeat-pause</c> and the sample standard deviation (at least <c>min-std-deviation</c>). The
/// resource is available while phi is below the threshold. The CDF uses Akka's logistic approximation. Before the
/// second heartbeat the history is seeded from <c>first-heartbeat-estimate</c> (mean m, deviation m/4). Time comes
/// from the injected <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
public sealed class PhiAccrualFailureDetector : IFailureDetector
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _acceptablePauseMs;
    private readonly double _minStdDeviationMs;
    private readonly double _firstHeartbeatEstimateMs;
    private HeartbeatHistory _history;
    private long? _lastTimestamp;

    /// <summary>Creates a detector.</summary>
    /// <param name="threshold">Phi at which the resource is considered down (Akka: 8.0).</param>
    /// <param name="maxSampleSize">Intervals kept (Akka: 1000).</param>
    /// <param name="minStdDeviation">Least standard deviation assumed (Akka: 100 ms).</param>
    /// <param name="acceptableHeartbeatPause">Pause tolerated on top of the mean interval (Akka: 3 s).</param>
    /// <param name="firstHeartbeatEstimate">Expected interval before any is measured (the heartbeat interval, 1 s).</param>
    /// <param name="timeProvider">The clock heartbeats are stamped with.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public PhiAccrualFailureDetector(double threshold, int maxSampleSize, TimeSpan minStdDeviation, TimeSpan acceptableHeartbeatPause,
        TimeSpan firstHeartbeatEstimate, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSampleSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minStdDeviation, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(acceptableHeartbeatPause, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstHeartbeatEstimate, TimeSpan.Zero);
        Threshold = threshold;
        MaxSampleSize = maxSampleSize;
        MinStdDeviation = minStdDeviation;
        AcceptableHeartbeatPause = acceptableHeartbeatPause;
        FirstHeartbeatEstimate = firstHeartbeatEstimate;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _acceptablePauseMs = acceptableHeartbeatPause.TotalMilliseconds;
        _minStdDeviationMs = minStdDeviation.TotalMilliseconds;
        _firstHeartbeatEstimateMs = firstHeartbeatEstimate.TotalMilliseconds;
        _history = new HeartbeatHistory(maxSampleSize);
    }

    /// <summary>Phi at which the resource is considered down.</summary>
    public double Threshold { get; }

    /// <summary>Intervals kept.</summary>
    public int MaxSampleSize { get; }

    /// <summary>Least standard deviation assumed.</summary>
    public TimeSpan MinStdDeviation { get; }

    /// <summary>Pause tolerated on top of the mean interval.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; }

    /// <summary>Expected interval before any is measured.</summary>
    public TimeSpan FirstHeartbeatEstimate { get; }

    /// <inheritdoc/>
    public bool IsAvailable
    {
        get
        {
            lock (_lock)
            {
                return PhiAt(_timeProvider.GetTimestamp()) < Threshold;
            }
        }
    }

    /// <inheritdoc/>
    public bool IsMonitoring
    {
        get
        {
            lock (_lock)
            {
                return _lastTimestamp is not null;
            }
        }
    }

    /// <summary>The current suspicion level: 0 before the first heartbeat, growing while no heartbeat arrives.</summary>
    public double Phi
    {
        get
        {
            lock (_lock)
            {
                return PhiAt(_timeProvider.GetTimestamp());
            }
        }
    }

    /// <inheritdoc/>
    public void Heartbeat()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetTimestamp();
            if (_lastTimestamp is not { } last)
            {
                // A new resource: seed the history so the first real interval is judged against the estimate.
                var deviation = _firstHeartbeatEstimateMs / 4.0;
                _history = new HeartbeatHistory(MaxSampleSize);
                _history.Add(_firstHeartbeatEstimateMs - deviation);
                _history.Add(_firstHeartbeatEstimateMs + deviation);
            }
            else if (PhiAt(now) < Threshold)
            {
                // The first heartbeat after a failure is left out: the long pause would skew the statistics.
                _history.Add(ElapsedMs(last, now));
            }

            _lastTimestamp = now;
        }
    }

    /// <summary>
    /// Phi for <paramref name="timeDiffMs"/> since the last heartbeat given the distribution's mean and standard
    /// deviation, with Akka's logistic approximation of the normal CDF (accurate to about 1e-4 and without
    /// overflow for outliers).
    /// </summary>
    internal static double PhiOf(double timeDiffMs, double meanMs, double stdDeviationMs)
    {
        var y = (timeDiffMs - meanMs) / stdDeviationMs;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return timeDiffMs > meanMs ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }

    private double PhiAt(long now)
    {
        if (_lastTimestamp is not { } last)
        {
            return 0.0;
        }

        var stdDeviation = Math.Max(_history.StdDeviation, _minStdDeviationMs);
        return PhiOf(ElapsedMs(last, now), _history.Mean + _acceptablePauseMs, stdDeviation);
    }

    private double ElapsedMs(long from, long to) => _timeProvider.GetElapsedTime(from, to).TotalMilliseconds;
}
