using LithairAkka.Hocon;

namespace LithairAkka.Management.Settings;

/// <summary>
/// The management server's settings: <c>akka.management.http</c> (INTERFACE.md §6) and <c>lithair.testing</c>. Immutable.
/// </summary>
public sealed record ManagementSettings
{
    /// <summary>The HOCON path of the management HTTP section.</summary>
    public const string SectionPath = "akka.management.http";

    /// <summary>The HOCON key that enables the <c>/_fault/*</c> routes.</summary>
    public const string FaultInjectionPath = "lithair.testing.fault-injection";

    /// <summary>Interface the management server binds.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>Port of the management server; 0 picks a free port.</summary>
    public int Port { get; init; } = 8558;

    /// <summary>Whether mutating cluster routes are refused (403).</summary>
    public bool RouteProvidersReadOnly { get; init; } = true;

    /// <summary>Whether the <c>/_fault/*</c> routes are served; they answer 404 otherwise.</summary>
    public bool FaultInjection { get; init; }

    /// <summary>Binds the sections of <paramref name="config"/>; absent keys keep their defaults.</summary>
    /// <exception cref="ConfigurationException">A value is invalid; the message names the key.</exception>
    public static ManagementSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new ManagementSettings();
        const string s = SectionPath + ".";
        var settings = new ManagementSettings
        {
            Hostname = config.GetString(s + "hostname", d.Hostname),
            Port = config.GetInt(s + "port", d.Port),
            RouteProvidersReadOnly = config.GetBoolean(s + "route-providers-read-only", d.RouteProvidersReadOnly),
            FaultInjection = config.GetBoolean(FaultInjectionPath, d.FaultInjection),
        };
        SettingsGuard.Require(!string.IsNullOrWhiteSpace(settings.Hostname), SectionPath, "hostname", "must be a host name or IP address");
        SettingsGuard.RequirePort(settings.Port, SectionPath + ".port");
        return settings;
    }
}
