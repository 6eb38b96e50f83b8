using LithairAkka.Hocon;
using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote;

/// <summary>
/// Settings of the remote watcher and its phi-accrual failure detector, bound from
/// <c>akka.remote.watch-failure-detector</c> (defaults equal those of <c>hocon/reference.conf</c>). Immutable.
/// </summary>
public sealed record RemoteWatcherSettings
{
    private const string Section = "akka.remote.watch-failure-detector.";

    /// <summary><c>heartbeat-interval</c>: how often a watched node is sent a heartbeat; also the detector's first estimate.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>threshold</c>: the phi value above which a node is considered unreachable.</summary>
    public double Threshold { get; init; } = 10.0;

    /// <summary><c>max-sample-size</c>: heartbeat intervals kept for the mean and deviation.</summary>
    public int MaxSampleSize { get; init; } = 200;

    /// <summary><c>min-std-deviation</c>: floor of the deviation, so a very regular history does not make phi jumpy.</summary>
    public TimeSpan MinStdDeviation { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>acceptable-heartbeat-pause</c>: a pause this long (GC, load) is tolerated before phi climbs.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>unreachable-nodes-reaper-interval</c>: how often the detector is consulted.</summary>
    public TimeSpan UnreachableNodesReaperInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>expected-response-after</c>: when the first heartbeat reply is due; a node that never answers starts
    /// counting as silent from then.</summary>
    public TimeSpan ExpectedResponseAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Binds <c>akka.remote.watch-failure-detector</c> of <paramref name="config"/> (absolute paths).</summary>
    /// <exception cref="ConfigurationException">A value has the wrong type or is out of range; the message names the key.</exception>
    public static RemoteWatcherSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new RemoteWatcherSettings();
        var settings = new RemoteWatcherSettings
        {
            HeartbeatInterval = config.GetTimeSpan(Section + "heartbeat-interval", d.HeartbeatInterval),
            Threshold = config.GetDouble(Section + "threshold", d.Threshold),
            MaxSampleSize = config.GetInt(Section + "max-sample-size", d.MaxSampleSize),
            MinStdDeviation = config.GetTimeSpan(Section + "min-std-deviation", d.MinStdDeviation),
            AcceptableHeartbeatPause = config.GetTimeSpan(Section + "acceptable-heartbeat-pause", d.AcceptableHeartbeatPause),
            UnreachableNodesReaperInterval = config.GetTimeSpan(Section + "unreachable-nodes-reaper-interval", d.UnreachableNodesReaperInterval),
            ExpectedResponseAfter = config.GetTimeSpan(Section + "expected-response-after", d.ExpectedResponseAfter),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Checks every value.</summary>
    /// <exception cref="RemoteConfigurationException">A value is out of range; the message names the key.</exception>
    public void Validate()
    {
        Positive("heartbeat-interval", HeartbeatInterval);
        if (!(Threshold > 0) || double.IsInfinity(Threshold))
        {
            throw new RemoteConfigurationException(Section + "threshold", $"{Section}threshold must be a positive number, e.g. 10.0 (was {Threshold})");
        }

        if (MaxSampleSize < 1)
        {
            throw new RemoteConfigurationException(Section + "max-sample-size", $"{Section}max-sample-size must be at least 1 (was {MaxSampleSize})");
        }

        Positive("min-std-deviation", MinStdDeviation);
        if (AcceptableHeartbeatPause < TimeSpan.Zero)
        {
            throw new RemoteConfigurationException(Section + "acceptable-heartbeat-pause",
                $"{Section}acceptable-heartbeat-pause must be a duration of 0 or more, e.g. 10s (was {AcceptableHeartbeatPause})");
        }

        Positive("unreachable-nodes-reaper-interval", UnreachableNodesReaperInterval);
        Positive("expected-response-after", ExpectedResponseAfter);
    }

    private static void Positive(string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new RemoteConfigurationException(Section + key, $"{Section}{key} must be a positive duration (was {value})");
        }
    }
}
