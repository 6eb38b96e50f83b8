using LithairAkka.Cmd.Protocol;
using LithairAkka.Hocon;

namespace LithairAkka.Cmd.Hosting;

/// <summary>The <c>petabridge.cmd</c> section, bound once. Immutable.</summary>
public sealed record PetabridgeCmdSettings
{
    /// <summary>The HOCON section this binds.</summary>
    public const string SectionPath = "petabridge.cmd";

    /// <summary><c>host</c>: the address the command host listens on; default <c>127.0.0.1</c>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary><c>port</c>: the TCP port; default 9110 (node i uses 9110 + i); 0 picks a free port.</summary>
    public int Port { get; init; } = 9110;

    /// <summary><c>log-palettes-on-startup</c>: log the endpoint and the palettes when the host starts; default on.</summary>
    public bool LogPalettesOnStartup { get; init; } = true;

    /// <summary><c>max-frame-size</c>: the largest frame accepted or sent; default 1 MiB.</summary>
    public int MaxFrameSize { get; init; } = FrameCodec.DefaultMaxFrameSize;

    /// <summary><c>ask-timeout</c>: how long commands wait for an actor's answer; default 5 s.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>max-connections</c>: clients served at once; more are refused with an error frame; default 32.</summary>
    public int MaxConnections { get; init; } = 32;

    /// <summary>
    /// <c>palettes</c>: palettes of one's own, <c>"Namespace.Type, Assembly"</c> of <see cref="Palettes.CommandPaletteHandler"/>
    /// subclasses, registered when the host starts (see <see cref="PaletteLoader"/>); default none.
    /// </summary>
    public IReadOnlyList<Type> Palettes { get; init; } = [];

    /// <summary>Binds <see cref="SectionPath"/> of <paramref name="config"/>; absent keys take their defaults.</summary>
    /// <exception cref="ConfigurationException">A key has a wrong type or value; the message names it.</exception>
    public static PetabridgeCmdSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new PetabridgeCmdSettings();
        var s = config.HasPath(SectionPath) ? config.GetConfig(SectionPath) : Config.Empty;
        var frame = s.GetByteSize("max-frame-size", d.MaxFrameSize);
        var settings = new PetabridgeCmdSettings
        {
            Host = s.GetString("host", d.Host),
            Port = s.GetInt("port", d.Port),
            LogPalettesOnStartup = s.GetBoolean("log-palettes-on-startup", d.LogPalettesOnStartup),
            MaxFrameSize = frame is >= 1024 and <= int.MaxValue
                ? (int)frame
                : throw Invalid("max-frame-size", "must be between 1KiB and 2GiB"),
            AskTimeout = s.GetTimeSpan("ask-timeout", d.AskTimeout),
            MaxConnections = s.GetInt("max-connections", d.MaxConnections),
            Palettes = [.. s.GetStringList("palettes", []).Select(PaletteLoader.Resolve)],
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ConfigurationException">A value is invalid; the message names the key.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw Invalid("host", "must not be empty");
        }

        if (Port is < 0 or > 65535)
        {
            throw Invalid("port", "must be between 0 and 65535");
        }

        if (AskTimeout <= TimeSpan.Zero)
        {
            throw Invalid("ask-timeout", "must be positive");
        }

        if (MaxConnections < 1)
        {
            throw Invalid("max-connections", "must be at least 1");
        }
    }

    private static ConfigurationException Invalid(string key, string reason) =>
        new($"Invalid {SectionPath}.{key}: {reason}.");
}
