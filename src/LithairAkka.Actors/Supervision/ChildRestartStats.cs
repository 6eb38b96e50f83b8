namespace LithairAkka.Actors;

/// <summary>
/// A supervised child and its restart history, used by supervisor strategies to enforce
/// <c>maxNrOfRetries</c> within <c>withinTimeRange</c>. Touched only on the parent's thread.
/// </summary>
public sealed class ChildRestartStats
{
    private long _windowStart;
    private bool _windowStarted;

    internal ChildRestartStats(IInternalActorRef child)
    {
        Child = child;
    }

    /// <summary>The child.</summary>
    public IInternalActorRef Child { get; }

    /// <summary>The uid of the child's incarnation.</summary>
    public long Uid => Child.Path.Uid;

    /// <summary>Restarts counted in the current window (or in total when there is no window).</summary>
    public int MaxNrOfRetriesCount { get; private set; }

    /// <summary>
    /// Counts a restart request and says whether it is allowed (Akka's rules): a negative
    /// <paramref name="maxNrOfRetries"/> means unlimited, 0 means never; with a window, the count restarts at 1
    /// once the window that began with the first counted restart has passed.
    /// </summary>
    /// <param name="maxNrOfRetries">Allowed restarts, negative for unlimited, null for unlimited (or 1 with a window).</param>
    /// <param name="withinTimeRange">The window, or null (or infinite) for none.</param>
    /// <param name="timeProvider">The clock (the system's injected one).</param>
    /// <returns>True when the child may be restarted.</returns>
    public bool RequestRestartPermission(int? maxNrOfRetries, TimeSpan? withinTimeRange, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var window = withinTimeRange is { } w && w > TimeSpan.Zero && w != Timeout.InfiniteTimeSpan ? w : (TimeSpan?)null;
        if (maxNrOfRetries is 0)
        {
            return false;
        }

        if (window is null)
        {
            if (maxNrOfRetries is null or < 0)
            {
                return true;
            }

            MaxNrOfRetriesCount++;
            return MaxNrOfRetriesCount <= maxNrOfRetries.Value;
        }

        var retries = maxNrOfRetries is null or < 0 ? int.MaxValue : maxNrOfRetries.Value;
        var now = timeProvider.GetTimestamp();
        if (!_windowStarted)
        {
            _windowStarted = true;
            _windowStart = now;
        }

        if (timeProvider.GetElapsedTime(_windowStart, now) <= window.Value)
        {
            MaxNrOfRetriesCount++;
            return MaxNrOfRetriesCount <= retries;
        }

        MaxNrOfRetriesCount = 1;
        _windowStart = now;
        return true;
    }
}
