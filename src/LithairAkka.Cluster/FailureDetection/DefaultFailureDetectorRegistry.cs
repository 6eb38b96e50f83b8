using LithairAkka.Remote;

namespace LithairAkka.Cluster;

/// <summary>
/// A <see cref="IFailureDetectorRegistry{T}"/> that creates detectors with a factory (Akka's
/// <c>DefaultFailureDetectorRegistry</c>). Thread-safe.
/// </summary>
/// <typeparam name="T">The resource key.</typeparam>
public sealed class DefaultFailureDetectorRegistry<T> : IFailureDetectorRegistry<T>
    where T : notnull
{
    private readonly Func<IFailureDetector> _detectorFactory;
    private readonly Lock _lock = new();
    private readonly Dictionary<T, IFailureDetector> _detectors = [];

    /// <summary>Creates an empty registry.</summary>
    /// <param name="detectorFactory">Creates the detector of a newly monitored resource.</param>
    public DefaultFailureDetectorRegistry(Func<IFailureDetector> detectorFactory)
    {
        _detectorFactory = detectorFactory ?? throw new ArgumentNullException(nameof(detectorFactory));
    }

    /// <summary>The resources currently monitored.</summary>
    public IReadOnlyCollection<T> Resources
    {
        get
        {
            lock (_lock)
            {
                return [.. _detectors.Keys];
            }
        }
    }

    /// <inheritdoc/>
    public bool IsAvailable(T resource) => Find(resource)?.IsAvailable ?? true;

    /// <inheritdoc/>
    public bool IsMonitoring(T resource) => Find(resource)?.IsMonitoring ?? false;

    /// <inheritdoc/>
    public void Heartbeat(T resource)
    {
        IFailureDetector detector;
        lock (_lock)
        {
            if (!_detectors.TryGetValue(resource, out var existing))
            {
                existing = _detectorFactory();
                _detectors.Add(resource, existing);
            }

            detector = existing;
        }

        detector.Heartbeat();
    }

    /// <inheritdoc/>
    public void Remove(T resource)
    {
        lock (_lock)
        {
            _detectors.Remove(resource);
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        lock (_lock)
        {
            _detectors.Clear();
        }
    }

    /// <summary>The detector of <paramref name="resource"/>, or <see langword="null"/> when it is not monitored.</summary>
    /// <param name="resource">The resource.</param>
    public IFailureDetector? Find(T resource)
    {
        lock (_lock)
        {
            return _detectors.GetValueOrDefault(resource);
        }
    }
}
