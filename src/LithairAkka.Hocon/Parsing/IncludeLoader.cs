namespace LithairAkka.Hocon.Parsing;

/// <summary>One document found for an include.</summary>
internal readonly record struct IncludedSource(string Text, SourceInfo Source);

/// <summary>
/// Locates what an include statement names: files relative to the including file's folder (never the process's
/// working directory when the includer is a file), resources through <see cref="HoconParseOptions.ResourceResolver"/>.
/// A name without an extension loads <c>name.json</c> then <c>name.conf</c> (both when both exist, so the HOCON
/// file wins), as the specification describes.
/// </summary>
internal static class IncludeLoader
{
    /// <summary>Every document the include names; empty when none exists.</summary>
    /// <exception cref="ConfigurationException">A file exists but cannot be read.</exception>
    public static List<IncludedSource> Load(IncludeRequest request, SourceInfo including, HoconParseOptions options)
    {
        switch (request.Kind)
        {
            case IncludeKind.File:
                return LoadFiles(request, including, options);
            case IncludeKind.Resource:
                return LoadResources(request, including, options);
            default:
                if (including.Kind == SourceKind.Resource)
                {
                    return LoadResources(request, including, options);
                }

                var files = LoadFiles(request, including, options);
                return files.Count > 0 ? files : LoadResources(request, including, options);
        }
    }

    /// <summary>Where the include looked, for the "required include not found" message.</summary>
    public static string DescribeSearch(IncludeRequest request, SourceInfo including, HoconParseOptions options)
    {
        var places = new List<string>();
        if (request.Kind == IncludeKind.File || (request.Kind == IncludeKind.Heuristic && including.Kind != SourceKind.Resource))
        {
            places.Add($"file '{FilePath(request.Name, including, options)}'");
        }

        if (request.Kind != IncludeKind.File)
        {
            places.Add(options.ResourceResolver is null
                ? "no resource resolver is configured"
                : $"resource '{ResourceName(request.Name, including)}'");
        }

        return string.Join(", ", places);
    }

    private static string FilePath(string name, SourceInfo including, HoconParseOptions options)
    {
        if (Path.IsPathRooted(name))
        {
            return name;
        }

        var directory = including.Directory ?? options.BaseDirectory ?? Directory.GetCurrentDirectory();
        return Path.Combine(directory, name);
    }

    private static List<IncludedSource> LoadFiles(IncludeRequest request, SourceInfo including, HoconParseOptions options)
    {
        var path = FilePath(request.Name, including, options);
        var found = new List<IncludedSource>();
        foreach (var candidate in Candidates(path, File.Exists))
        {
            string text;
            try
            {
                text = File.ReadAllText(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ConfigurationException(
                    $"{request.Position.ToStringWithColumn()}: cannot read included file '{candidate}': {e.Message}",
                    null,
                    request.Position.Origin,
                    request.Position.Line,
                    request.Position.Column,
                    e);
            }

            var directory = Path.GetDirectoryName(candidate);
            found.Add(new IncludedSource(
                text,
                new SourceInfo(SourceKind.File, candidate, string.IsNullOrEmpty(directory) ? "." : directory, Path.GetFullPath(candidate))));
        }

        return found;
    }

    private static List<IncludedSource> LoadResources(IncludeRequest request, SourceInfo including, HoconParseOptions options)
    {
        var found = new List<IncludedSource>();
        if (options.ResourceResolver is not { } resolver)
        {
            return found;
        }

        var name = ResourceName(request.Name, including);
        foreach (var candidate in Candidates(name, n => resolver(n) is not null))
        {
            if (resolver(candidate) is { } text)
            {
                found.Add(new IncludedSource(text, new SourceInfo(SourceKind.Resource, candidate, null, "resource:" + candidate)));
            }
        }

        return found;
    }

    // A relative resource name is taken relative to the "folder" of an including resource, if it has one.
    private static string ResourceName(string name, SourceInfo including)
    {
        if (name.StartsWith('/'))
        {
            return name.TrimStart('/');
        }

        if (including.Kind == SourceKind.Resource)
        {
            var slash = including.OriginName.LastIndexOf('/');
            if (slash > 0)
            {
                return including.OriginName[..(slash + 1)] + name;
            }
        }

        return name;
    }

    private static IEnumerable<string> Candidates(string name, Func<string, bool> exists)
    {
        if (Path.HasExtension(name))
        {
            return exists(name) ? [name] : [];
        }

        var withExtensions = new[] { name + ".json", name + ".conf" }.Where(exists).ToList();
        if (withExtensions.Count == 0 && exists(name))
        {
            withExtensions.Add(name);
        }

        return withExtensions;
    }
}
