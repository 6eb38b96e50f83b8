using System.Reflection;
using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon;

/// <summary>Parses HOCON from strings, files and embedded resources into <see cref="Config"/>s.</summary>
/// <remarks>Thread-safe: every call is independent.</remarks>
public static class ConfigurationFactory
{
    /// <summary>The empty configuration (<see cref="Config.Empty"/>).</summary>
    public static Config Empty => Config.Empty;

    /// <summary>Parses HOCON text with the default options (real environment variables, includes relative to the current directory).</summary>
    /// <exception cref="ConfigurationException">Syntax error, failed include or unresolvable substitution; the message names origin, line and column.</exception>
    public static Config ParseString(string hocon) => ParseString(hocon, HoconParseOptions.Default);

    /// <summary>Parses HOCON text.</summary>
    /// <exception cref="ConfigurationException">Syntax error, failed include or unresolvable substitution; the message names origin, line and column.</exception>
    public static Config ParseString(string hocon, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        ArgumentNullException.ThrowIfNull(options);
        var origin = options.OriginName ?? "string";
        return Parse(hocon, new SourceInfo(SourceKind.Text, origin, options.BaseDirectory, "string:" + origin), options);
    }

    /// <summary>Parses a HOCON (or JSON) file; relative includes are looked up next to it.</summary>
    /// <exception cref="ConfigurationException">The file does not exist or cannot be read, or its content is invalid.</exception>
    public static Config ParseFile(string path) => ParseFile(path, HoconParseOptions.Default);

    /// <summary>Parses a HOCON (or JSON) file with options; relative includes are looked up next to it.</summary>
    /// <exception cref="ConfigurationException">The file does not exist or cannot be read, or its content is invalid.</exception>
    public static Config ParseFile(string path, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "not found" : e.Message;
            throw new ConfigurationException($"Configuration file '{path}' cannot be read: {reason}", null, path, 0, 0, e);
        }

        var directory = Path.GetDirectoryName(path);
        var source = new SourceInfo(
            SourceKind.File,
            options.OriginName ?? path,
            string.IsNullOrEmpty(directory) ? "." : directory,
            Path.GetFullPath(path));
        return Parse(text, source, options);
    }

    /// <summary>Same as <see cref="ParseFile(string)"/>.</summary>
    /// <exception cref="ConfigurationException">The file does not exist or cannot be read, or its content is invalid.</exception>
    public static Config Load(string path) => ParseFile(path);

    /// <summary>
    /// Parses an embedded resource of <paramref name="assembly"/>, found by its full manifest name or by a name
    /// ending with <c>.</c> + <paramref name="resourceName"/> (so <c>reference.conf</c> finds <c>MyLib.reference.conf</c>).
    /// Its includes are resolved among the same assembly's resources.
    /// </summary>
    /// <exception cref="ConfigurationException">The resource does not exist, is ambiguous, or its content is invalid.</exception>
    public static Config FromResource(string resourceName, Assembly assembly) =>
        FromResource(resourceName, assembly, HoconParseOptions.Default);

    /// <summary>Parses an embedded resource with options; a <see cref="HoconParseOptions.ResourceResolver"/> in the options takes precedence for includes.</summary>
    /// <exception cref="ConfigurationException">The resource does not exist, is ambiguous, or its content is invalid.</exception>
    public static Config FromResource(string resourceName, Assembly assembly, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(options);
        var text = ReadResource(assembly, resourceName)
            ?? throw new ConfigurationException(
                $"Embedded resource '{resourceName}' not found in assembly {assembly.GetName().Name}", null, resourceName, 0, 0);
        var effective = options.ResourceResolver is null
            ? options with { ResourceResolver = name => ReadResource(assembly, name) }
            : options;
        var origin = options.OriginName ?? resourceName;
        return Parse(text, new SourceInfo(SourceKind.Resource, origin, null, "resource:" + resourceName), effective);
    }

    private static Config Parse(string text, SourceInfo source, HoconParseOptions options)
    {
        var session = new ParseSession(options);
        var raw = Parser.ParseDocument(text, source, HoconPath.Empty, session);
        return Config.FromParsed(raw, session.HasSubstitutions, options.ResolveSubstitutions, source.OriginName);
    }

    private static string? ReadResource(Assembly assembly, string name)
    {
        var names = assembly.GetManifestResourceNames();
        var match = Array.Find(names, n => string.Equals(n, name, StringComparison.Ordinal));
        if (match is null)
        {
            var suffix = "." + name.Replace('/', '.');
            var candidates = names.Where(n => n.EndsWith(suffix, StringComparison.Ordinal)).ToList();
            if (candidates.Count > 1)
            {
                throw new ConfigurationException(
                    $"Embedded resource name '{name}' is ambiguous in assembly {assembly.GetName().Name}: {string.Join(", ", candidates)}",
                    null,
                    name,
                    0,
                    0);
            }

            match = candidates.FirstOrDefault();
        }

        if (match is null)
        {
            return null;
        }

        using var stream = assembly.GetManifestResourceStream(match)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
