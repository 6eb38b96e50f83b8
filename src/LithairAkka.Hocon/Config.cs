using LithairAkka.Hocon.Parsing;
using LithairAkka.Hocon.Raw;
using LithairAkka.Hocon.Rendering;
using LithairAkka.Hocon.Resolution;

namespace LithairAkka.Hocon;

/// <summary>
/// An immutable configuration: a resolved HOCON object with typed getters that take path expressions
/// (<c>akka.remote.dot-netty.tcp.port</c>, <c>akka.actor.serialization-bindings."System.Object"</c>).
/// </summary>
/// <remarks>
/// <para>Thread-safe: instances never change; every operation returns a new instance.</para>
/// <para>
/// A configuration parsed from text remembers its unresolved tree, so <see cref="WithFallback"/> merges the two
/// unresolved trees and resolves the result again: substitutions on either side see the merged tree (a
/// <c>${akka.x}</c> in the fallback sees the override's <c>akka.x</c>). Configurations obtained from
/// <see cref="GetConfig"/> hold only resolved values.
/// </para>
/// </remarks>
public sealed partial class Config
{
    private readonly RawObject? _raw;
    private readonly HoconObject? _root;
    private readonly Lazy<HoconObject>? _deferred;

    private Config(RawObject? raw, HoconObject root, string? origin)
    {
        _raw = raw;
        _root = root;
        Origin = origin;
    }

    private Config(RawObject raw, string? origin)
    {
        _raw = raw;
        _deferred = new Lazy<HoconObject>(() => Resolver.Resolve(raw), LazyThreadSafetyMode.ExecutionAndPublication);
        Origin = origin;
    }

    /// <summary>The empty configuration: every lookup finds nothing.</summary>
    public static Config Empty { get; } = new(null, HoconObject.Empty, null);

    /// <summary>The resolved root object.</summary>
    /// <exception cref="ConfigurationException">Resolution was deferred (see <see cref="HoconParseOptions.ResolveSubstitutions"/>) and fails.</exception>
    public HoconObject Root => _root ?? _deferred!.Value;

    /// <summary>Whether the root has no fields.</summary>
    public bool IsEmpty => Root.Count == 0;

    /// <summary>Whether substitutions have been resolved (always, unless resolution was deferred and nothing has been read yet).</summary>
    public bool IsResolved => _root is not null || _deferred!.IsValueCreated;

    /// <summary>The name of the file, resource or string this configuration was parsed from, when known.</summary>
    public string? Origin { get; }

    /// <summary>The keys of the root object, in definition order.</summary>
    public IReadOnlyCollection<string> Keys => Root.Keys;

    /// <summary>Creates a configuration from a freshly parsed tree.</summary>
    internal static Config FromParsed(RawObject raw, bool hasSubstitutions, bool resolveNow, string origin)
    {
        if (!hasSubstitutions)
        {
            // Without substitutions the raw tree carries nothing the resolved one does not.
            return new Config(null, Resolver.Resolve(raw), origin);
        }

        return resolveNow ? new Config(raw, Resolver.Resolve(raw), origin) : new Config(raw, origin);
    }

    /// <summary>Creates a configuration around an already resolved object.</summary>
    internal static Config FromRoot(HoconObject root, string? origin) => new(null, root, origin);

    /// <summary>Resolves substitutions now if that was deferred, so errors surface here rather than at the first read.</summary>
    /// <returns>This instance.</returns>
    /// <exception cref="ConfigurationException">A substitution cannot be resolved.</exception>
    public Config Resolve()
    {
        _ = Root;
        return this;
    }

    /// <summary>Whether <paramref name="path"/> holds a value other than <c>null</c>.</summary>
    /// <exception cref="ConfigurationException"><paramref name="path"/> is not a valid path expression.</exception>
    public bool HasPath(string path) => GetValue(path) is { Type: not HoconValueType.Null };

    /// <summary>The value at <paramref name="path"/>, or <see langword="null"/> when absent (an explicit <c>null</c> is returned as a null scalar).</summary>
    /// <exception cref="ConfigurationException"><paramref name="path"/> is not a valid path expression.</exception>
    public HoconValue? GetValue(string path) => Root.GetPath(HoconPath.Parse(path));

    /// <summary>
    /// Returns a configuration in which this one's values win and <paramref name="fallback"/> supplies the rest;
    /// objects merge deeply (the specification's merge, the same as for duplicate keys). Substitutions are resolved
    /// again over the merged tree, so they see values from both sides.
    /// </summary>
    /// <exception cref="ConfigurationException">The merged tree's substitutions cannot be resolved.</exception>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback.HasNoFields || ReferenceEquals(fallback, this))
        {
            return this;
        }

        if (HasNoFields)
        {
            return fallback;
        }

        if (_raw is null && fallback._raw is null)
        {
            return new Config(null, HoconObject.Merge(fallback.Root, Root), Origin);
        }

        var merged = (RawObject)RawMerger.Merge(fallback.RawTree, RawTree, mutate: false);
        return IsResolved && fallback.IsResolved ? new Config(merged, Resolver.Resolve(merged), Origin) : new Config(merged, Origin);
    }

    /// <summary>Returns this configuration moved under <paramref name="path"/> (<c>AtPath("akka.remote")</c> turns <c>port = 1</c> into <c>akka.remote.port = 1</c>).</summary>
    /// <exception cref="ConfigurationException"><paramref name="path"/> is not a valid path expression.</exception>
    public Config AtPath(string path)
    {
        var prefix = HoconPath.Parse(path);
        if (_raw is null)
        {
            return new Config(null, HoconObject.Wrap(prefix, Root), Origin);
        }

        var wrapped = (RawObject)RawObject.Wrap(prefix, 0, _raw.WithPrefix(prefix), _raw.Position);
        return IsResolved ? new Config(wrapped, HoconObject.Wrap(prefix, Root), Origin) : new Config(wrapped, Origin);
    }

    /// <summary>Renders the resolved configuration as HOCON text (root braces omitted) that parses back to the same values.</summary>
    public string Render() => Root.Count == 0 ? "{}\n" : HoconRenderer.Render(Root, rootWithoutBraces: true);

    /// <summary>Same as <see cref="Render"/>.</summary>
    public override string ToString() => Render();

    // Empty without forcing a deferred resolution.
    private bool HasNoFields => _raw is null ? Root.Count == 0 : _raw.Count == 0;

    private RawObject RawTree => _raw ?? (RawObject)RawValue.From(Root);
}
