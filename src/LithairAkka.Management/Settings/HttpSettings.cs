using LithairAkka.Hocon;

namespace LithairAkka.Management.Settings;

/// <summary>The <c>lithair.http</c> section: the data and monitoring API (INTERFACE.md §4, §5). Immutable.</summary>
public sealed record HttpSettings
{
    /// <summary>The HOCON path of the section.</summary>
    public const string SectionPath = "lithair.http";

    /// <summary>Largest key, in UTF-8 bytes (INTERFACE.md §4).</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>Interface the data API binds.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>Port of the data API; 0 picks a free port.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Largest value accepted by <c>PUT /kv/{key}</c>, in bytes; larger bodies get 413.</summary>
    public long MaxValueSize { get; init; } = 1024 * 1024;

    /// <summary>Longest a request waits for a leader before answering <c>503 no-leader</c>.</summary>
    public TimeSpan LeaderWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest a request waits for the leader's answer once sent; a write that times out is <c>504 outcome-unknown</c>.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bearer token required by the administrative routes; empty disables the check.</summary>
    public string AdminToken { get; init; } = string.Empty;

    /// <summary>Binds the section of <paramref name="config"/>; absent keys keep their defaults.</summary>
    /// <exception cref="ConfigurationException">A value is missing its form or out of range; the message names the key.</exception>
    public static HttpSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new HttpSettings();
        const string s = SectionPath + ".";
        var settings = new HttpSettings
        {
            Hostname = config.GetString(s + "hostname", d.Hostname),
            Port = config.GetInt(s + "port", d.Port),
            MaxValueSize = config.GetByteSize(s + "max-value-size", d.MaxValueSize),
            LeaderWait = config.GetTimeSpan(s + "leader-wait", d.LeaderWait),
            RequestTimeout = config.GetTimeSpan(s + "request-timeout", d.RequestTimeout),
            AdminToken = config.GetString(s + "admin-token", d.AdminToken),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ConfigurationException">A value is invalid; the message names the key.</exception>
    public void Validate()
    {
        SettingsGuard.Require(!string.IsNullOrWhiteSpace(Hostname), SectionPath, "hostname", "must be a host name or IP address");
        SettingsGuard.RequirePort(Port, SectionPath + ".port");
        SettingsGuard.Require(MaxValueSize is >= 1 and <= int.MaxValue, SectionPath, "max-value-size", "must be between 1B and 2GiB");
        SettingsGuard.Require(LeaderWait > TimeSpan.Zero, SectionPath, "leader-wait", "must be a positive duration such as 2s");
        SettingsGuard.Require(RequestTimeout > TimeSpan.Zero, SectionPath, "request-timeout", "must be a positive duration such as 5s");
    }
}
