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
/// A configuration remembers the documents it was merged from, lowest priority first, and for those parsed from
/// text their unresolved trees. <see cref="WithFallback"/> merges the documents in that order, exactly like
/// duplicate keys in one file (so a non-object in a middle layer hides the objects beneath it), and resolves
/// the result again: substitutions on either side see the merged tree (a <c>${akka.x}</c> in the fallback sees
/// the override's <c>akka.x</c>; <c>path += x</c> in the override appends to the fallback's list).
/// Configurations obtained from <see cref="GetConfig"/> hold only resolved values.
/// </para>
/// </remarks>
public sealed partial class Config
{
    // The documents this configuration merges, lowest priority first. Folding them from the bottom is what makes
    // WithFallback chains behave like duplicate keys in one file: a non-object hides every object beneath it.
    private readonly Source[] _sources;
    private readonly HoconObject? _root;
    private readonly Lazy<HoconObject>? _deferred;

    private Config(Source[] sources, HoconObject root, string? origin)
    {
        _sources = sources;
        _root = root;
        Origin = origin;
    }

    private Config(Source[] sources, RawObject merged, string? origin)
    {
        _sources = sources;
        _deferred = new Lazy<HoconObject>(() => Resolver.Resolve(merged), LazyThreadSafetyMode.ExecutionAndPublication);
        Origin = origin;
    }

    /// <summary>The empty configuration: every lookup finds nothing.</summary>
    public static Config Empty { get; } = new([], HoconObject.Empty, null);

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

    // Empty without forcing a deferred resolution.
    private bool HasNoFields => _sources.All(s => s.Count == 0);

    /// <summary>Creates a configuration from a freshly parsed tree.</summary>
    internal static Config FromParsed(RawObject raw, bool hasSubstitutions, bool resolveNow, string origin)
    {
        if (!hasSubstitutions)
        {
            // Without substitutions the raw tree carries nothing the resolved one does not.
            var resolved = Resolver.Resolve(raw);
            return new Config([new Source(null, resolved)], resolved, origin);
        }

        Source[] sources = [new Source(raw, null)];
        return resolveNow ? new Config(sources, Resolver.Resolve(raw), origin) : new Config(sources, raw, origin);
    }

    /// <summary>Creates a configuration around an already resolved object.</summary>
    internal static Config FromRoot(HoconObject root, string? origin) => new([new Source(null, root)], root, origin);

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

        Source[] sources = [.. fallback._sources, .. _sources];
        if (sources.All(source => source.Raw is null))
        {
            var root = sources[0].Resolved!;
            for (var i = 1; i < sources.Length; i++)
            {
                root = HoconObject.Merge(root, sources[i].Resolved!);
            }

            return new Config(sources, root, Origin);
        }

        var merged = MergeRaw(sources);
        return IsResolved && fallback.IsResolved ? new Config(sources, Resolver.Resolve(merged), Origin) : new Config(sources, merged, Origin);
    }

    /// <summary>Returns this configuration moved under <paramref name="path"/> (<c>AtPath("akka.remote")</c> turns <c>port = 1</c> into <c>akka.remote.port = 1</c>).</summary>
    /// <exception cref="ConfigurationException"><paramref name="path"/> is not a valid path expression.</exception>
    public Config AtPath(string path)
    {
        var prefix = HoconPath.Parse(path);
        if (prefix.Count == 0 || HasNoFields)
        {
            return this;
        }

        var sources = _sources.Select(source => source.WithPrefix(prefix)).ToArray();
        if (IsResolved)
        {
            return new Config(sources, HoconObject.Wrap(prefix, Root), Origin);
        }

        return new Config(sources, MergeRaw(sources), Origin);
    }

    /// <summary>Renders the resolved configuration as HOCON text (root braces omitted) that parses back to the same values.</summary>
    public string Render() => Root.Count == 0 ? "{}\n" : HoconRenderer.Render(Root, rootWithoutBraces: true);

    /// <summary>Same as <see cref="Render"/>.</summary>
    public override string ToString() => Render();

    private static RawObject MergeRaw(Source[] sources)
    {
        var merged = sources[0].RawTree;
        for (var i = 1; i < sources.Length; i++)
        {
            merged = (RawObject)RawMerger.Merge(merged, sources[i].RawTree, mutate: false);
        }

        return merged;
    }

    /// <summary>One merged document: its unresolved tree when it has substitutions, else its resolved tree.</summary>
    private readonly record struct Source(RawObject? Raw, HoconObject? Resolved)
    {
        public int Count => Raw?.Count ?? Resolved!.Count;

        public RawObject RawTree => Raw ?? (RawObject)RawValue.From(Resolved!);

        public Source WithPrefix(HoconPath prefix) => Raw is null
            ? new Source(null, HoconObject.Wrap(prefix, Resolved!))
            : new Source((RawObject)RawObject.Wrap(prefix, 0, Raw.WithPrefix(prefix), Raw.Position), null);
    }
}
