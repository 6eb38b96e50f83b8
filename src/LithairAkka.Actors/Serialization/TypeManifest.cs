using System.Collections.Concurrent;
using System.Runtime.Serialization;

namespace LithairAkka.Actors.Serialization;

/// <summary>
/// Type names as manifests: <c>Namespace.Type, Assembly</c> (no version, culture or key, so a manifest survives an
/// upgrade of the sending assembly). Both directions are cached. Thread-safe.
/// </summary>
public static class TypeManifest
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    /// <summary>The manifest of <paramref name="type"/>.</summary>
    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Names.GetOrAdd(type, static t => t.Assembly.GetName().Name is { } assembly && t.FullName is { } name
            ? string.Concat(name, ", ", assembly)
            : t.AssemblyQualifiedName ?? t.Name);
    }

    /// <summary>The type <paramref name="manifest"/> names.</summary>
    /// <exception cref="SerializationException">No loaded or loadable type has that name.</exception>
    public static Type Resolve(string manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return TryResolve(manifest) ?? throw new SerializationException($"Unknown manifest: no type named '{manifest}' can be loaded.");
    }

    /// <summary>The type <paramref name="manifest"/> names, or null when none can be loaded (not cached, so a later
    /// assembly load can still succeed).</summary>
    public static Type? TryResolve(string manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (Types.TryGetValue(manifest, out var cached))
        {
            return cached;
        }

        Type? type;
        try
        {
            type = Type.GetType(manifest, throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or BadImageFormatException or TypeLoadException)
        {
            type = null;
        }

        if (type is not null)
        {
            Types.TryAdd(manifest, type);
        }

        return type;
    }
}
