namespace LithairAkka.Hocon;

/// <summary>How <see cref="ConfigurationFactory"/> parses a document.</summary>
/// <remarks>Immutable; one instance may be shared by any number of parses on any threads (the delegates it holds must be thread-safe).</remarks>
public sealed record HoconParseOptions
{
    /// <summary>The defaults: real environment variables, no resource resolver, no base directory.</summary>
    public static HoconParseOptions Default { get; } = new();

    /// <summary>
    /// Looks up an environment variable by name for a substitution whose path is absent from the configuration
    /// (<c>${?LITHAIR_NODE_ID}</c>); a <see langword="null"/> or empty answer counts as "not set". Defaults to
    /// <see cref="Environment.GetEnvironmentVariable(string)"/>; <see langword="null"/> disables the fallback. Tests inject a dictionary.
    /// </summary>
    public Func<string, string?>? EnvironmentLookup { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// Maps a resource name to its text (or <see langword="null"/> when there is none) for <c>include classpath("...")</c>,
    /// <c>include resource("...")</c> and plain includes not found as files. <see cref="ConfigurationFactory.FromResource(string, System.Reflection.Assembly)"/>
    /// supplies one that reads the assembly's embedded resources.
    /// </summary>
    public Func<string, string?>? ResourceResolver { get; init; }

    /// <summary>The folder relative includes of a parsed string start from; the current directory when <see langword="null"/>. Files use their own folder.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The name used for the document in error messages and value origins (default: the file path, the resource name, or <c>string</c>).</summary>
    public string? OriginName { get; init; }

    /// <summary>
    /// Whether substitutions are resolved during the parse (the default), so errors surface there. When
    /// <see langword="false"/>, resolution waits until the configuration is first read or until <see cref="Config.Resolve"/>,
    /// which lets a document refer to keys that only a later <see cref="Config.WithFallback"/> supplies.
    /// </summary>
    public bool ResolveSubstitutions { get; init; } = true;
}
