using LithairAkka.Hocon;
using LithairAkka.Management.Settings;

namespace LithairAkka.Management.Bootstrap;

/// <summary>
/// Cluster bootstrap's settings, after Akka.Management: <c>akka.management.cluster.bootstrap</c> and the static
/// contact points of <c>akka.discovery.method = config</c>
/// (<c>akka.discovery.config.services.SERVICE.endpoints</c>). Bound once and validated. Immutable.
/// </summary>
public sealed record ClusterBootstrapSettings
{
    /// <summary>The HOCON path of the bootstrap section.</summary>
    public const string SectionPath = "akka.management.cluster.bootstrap";

    /// <summary>The HOCON path of the discovery section.</summary>
    public const string DiscoveryPath = "akka.discovery";

    /// <summary><c>enabled</c>: whether the node forms or joins its cluster by bootstrap (then <c>akka.cluster.seed-nodes</c> stays empty).</summary>
    public bool Enabled { get; init; }

    /// <summary><c>new-cluster-enabled</c>: whether the lowest node may form a new cluster; off only ever joins an existing one.</summary>
    public bool NewClusterEnabled { get; init; } = true;

    /// <summary><c>contact-point-discovery.service-name</c>, resolved: the actor system's name when left as <c>&lt;service-name&gt;</c>.</summary>
    public string ServiceName { get; init; } = string.Empty;

    /// <summary><c>contact-point-discovery.stable-margin</c>: how long the discovered contact points must stay the same before forming a cluster.</summary>
    public TimeSpan StableMargin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>contact-point-discovery.interval</c>: how often discovery is consulted again.</summary>
    public TimeSpan DiscoveryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>contact-point-discovery.required-contact-point-nr</c>: the fewest contact points (this node included) before forming a cluster.</summary>
    public int RequiredContactPointNr { get; init; } = 2;

    /// <summary><c>contact-point-discovery.contact-with-all-contact-points</c>: whether every discovered contact point must answer before forming a cluster (else <see cref="RequiredContactPointNr"/> of them).</summary>
    public bool ContactWithAllContactPoints { get; init; } = true;

    /// <summary><c>contact-point.fallback-port</c>: the management port of an endpoint given without one.</summary>
    public int FallbackPort { get; init; } = 8558;

    /// <summary><c>contact-point.probe-interval</c>: the pause between two probing rounds.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>contact-point.probe-interval-jitter</c>: up to this fraction of <see cref="ProbeInterval"/> is added at random to each pause.</summary>
    public double ProbeIntervalJitter { get; init; } = 0.2;

    /// <summary><c>contact-point.probing-failure-timeout</c>: the longest one probe waits, and the age after which a contact point's last answer no longer counts.</summary>
    public TimeSpan ProbingFailureTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The contact points of <c>akka.discovery.config.services.SERVICE.endpoints</c>, sorted and distinct; may be empty.</summary>
    public IReadOnlyList<ContactPoint> ConfiguredContactPoints { get; init; } = [];

    /// <summary>Binds the sections of <paramref name="config"/>; absent keys keep Akka.Management's defaults.</summary>
    /// <param name="config">The node's configuration (with the reference configuration behind it).</param>
    /// <param name="systemName">The actor system's name, the default service name.</param>
    /// <exception cref="ConfigurationException">A value is invalid; the message names the key.</exception>
    public static ClusterBootstrapSettings FromConfig(Config config, string systemName)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new ClusterBootstrapSettings();
        const string s = SectionPath + ".";
        const string discovery = s + "contact-point-discovery.";
        const string contact = s + "contact-point.";
        var service = config.GetString(discovery + "service-name", "<service-name>");
        service = string.IsNullOrWhiteSpace(service) || service == "<service-name>" ? systemName : service;
        var settings = new ClusterBootstrapSettings
        {
            Enabled = config.GetBoolean(s + "enabled", d.Enabled),
            NewClusterEnabled = config.GetBoolean(s + "new-cluster-enabled", d.NewClusterEnabled),
            ServiceName = service,
            StableMargin = config.GetTimeSpan(discovery + "stable-margin", d.StableMargin),
            DiscoveryInterval = config.GetTimeSpan(discovery + "interval", d.DiscoveryInterval),
            RequiredContactPointNr = config.GetInt(discovery + "required-contact-point-nr", d.RequiredContactPointNr),
            ContactWithAllContactPoints = config.GetBoolean(discovery + "contact-with-all-contact-points", d.ContactWithAllContactPoints),
            FallbackPort = config.GetInt(contact + "fallback-port", d.FallbackPort),
            ProbeInterval = config.GetTimeSpan(contact + "probe-interval", d.ProbeInterval),
            ProbeIntervalJitter = config.GetDouble(contact + "probe-interval-jitter", d.ProbeIntervalJitter),
            ProbingFailureTimeout = config.GetTimeSpan(contact + "probing-failure-timeout", d.ProbingFailureTimeout),
        };
        SettingsGuard.Require(settings.StableMargin >= TimeSpan.Zero, SectionPath, "contact-point-discovery.stable-margin", "must not be negative");
        SettingsGuard.Require(settings.DiscoveryInterval > TimeSpan.Zero, SectionPath, "contact-point-discovery.interval", "must be a positive duration");
        SettingsGuard.Require(settings.RequiredContactPointNr >= 1, SectionPath, "contact-point-discovery.required-contact-point-nr", "must be at least 1");
        SettingsGuard.Require(settings.FallbackPort is >= 1 and <= 65535, SectionPath, "contact-point.fallback-port", "must be a TCP port between 1 and 65535");
        SettingsGuard.Require(settings.ProbeInterval > TimeSpan.Zero, SectionPath, "contact-point.probe-interval", "must be a positive duration");
        SettingsGuard.Require(settings.ProbeIntervalJitter is >= 0 and <= 1, SectionPath, "contact-point.probe-interval-jitter", "must be between 0 and 1");
        SettingsGuard.Require(
            settings.ProbingFailureTimeout > settings.ProbeInterval,
            SectionPath,
            "contact-point.probing-failure-timeout",
            "must be longer than contact-point.probe-interval (a contact point's answer must outlive the pause between probes)");
        if (!settings.Enabled)
        {
            return settings;
        }

        return settings with { ConfiguredContactPoints = ReadContactPoints(config, discovery, service, settings.FallbackPort) };
    }

    private static List<ContactPoint> ReadContactPoints(Config config, string discovery, string service, int fallbackPort)
    {
        // discovery-method "akka.discovery" defers to akka.discovery.method, as in Akka.Management.
        var method = config.GetString(discovery + "discovery-method", "akka.discovery");
        if (method == "akka.discovery")
        {
            method = config.GetString(DiscoveryPath + ".method", "config");
        }

        SettingsGuard.Require(
            method == "config",
            DiscoveryPath,
            "method",
            $"must be config (a static list of contact points in {DiscoveryPath}.config.services.{service}.endpoints), not '{method}'");
        var key = $"{DiscoveryPath}.config.services.{Quote(service)}.endpoints";
        var points = new SortedSet<ContactPoint>();
        foreach (var endpoint in config.GetStringList(key, []))
        {
            try
            {
                points.Add(ContactPoint.Parse(endpoint, fallbackPort));
            }
            catch (FormatException ex)
            {
                throw new ConfigurationException($"{key}: {ex.Message}", key, null, 0, 0, ex);
            }
        }

        return [.. points];
    }

    // A service name may hold dots ("lithair.default"); quoted, it stays one path element.
    private static string Quote(string name) => "\"" + name.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
