using LithairAkka.Hocon.Raw;

namespace LithairAkka.Hocon.Resolution;

/// <summary>
/// Resolves every substitution of a raw tree against that whole tree, after parsing and merging, as the
/// specification requires: substitutions look forward to the final value of their path; a field whose value
/// refers to itself (directly or through other substitutions) looks back at the definitions beneath it; a
/// cycle that looking back cannot break is an error, or "undefined" for an optional substitution.
/// </summary>
/// <remarks>
/// Implementation (the one the specification sketches): lookups walk the raw tree, so <c>${bar.foo}</c> inside
/// <c>bar</c> only resolves <c>bar.foo</c>, never the whole of <c>bar</c>. While a substitution or concatenation is
/// being resolved it is "active"; a lookup that meets an active definition in a field's merge stack drops it and
/// everything above it, which is exactly "looking back". Results are memoized per node, except results that
/// depended on such a dropped definition (their frames are marked tainted), because those are only valid
/// inside the resolution that dropped it. One instance resolves one tree on one thread.
/// </remarks>
internal sealed partial class Resolver
{
    private readonly RawObject _root;
    private readonly Dictionary<RawValue, HoconValue?> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<RawValue> _active = new(ReferenceEqualityComparer.Instance);
    private readonly List<Frame> _frames = [];

    private Resolver(RawObject root)
    {
        _root = root;
    }

    /// <summary>Resolves <paramref name="root"/> into a tree without substitutions.</summary>
    /// <exception cref="ConfigurationException">A required substitution is undefined, a cycle cannot be broken, or a concatenation mixes types.</exception>
    public static HoconObject Resolve(RawObject root)
    {
        var resolver = new Resolver(root);
        try
        {
            return (HoconObject)resolver.ResolveNode(root)!;
        }
        catch (CycleException cycle)
        {
            throw cycle.Error;
        }
    }

    /// <summary>The resolved value of one node, or <see langword="null"/> when it is undefined (an optional substitution that found nothing).</summary>
    private HoconValue? ResolveNode(RawValue node)
    {
        switch (node)
        {
            case RawResolved resolved:
                return resolved.Value;
            case RawWhitespace:
                throw new InvalidOperationException("Whitespace is only meaningful inside a concatenation.");
        }

        if (_memo.TryGetValue(node, out var known))
        {
            return known;
        }

        if (!_active.Add(node))
        {
            throw Cycle(node);
        }

        var frame = new Frame(node);
        _frames.Add(frame);
        HoconValue? result;
        try
        {
            result = node switch
            {
                RawObject obj => ResolveObject(obj),
                RawArray array => ResolveArray(array),
                RawMerge merge => ResolveLayers(merge.Layers),
                RawSubstitution substitution => ResolveSubstitution(substitution),
                RawConcatenation concatenation => ResolveConcatenation(concatenation),
                _ => throw new InvalidOperationException($"Unexpected raw node {node.GetType().Name}."),
            };
        }
        finally
        {
            _frames.RemoveAt(_frames.Count - 1);
            _active.Remove(node);
        }

        if (!frame.Tainted)
        {
            _memo[node] = result;
        }

        return result;
    }

    private HoconObject ResolveObject(RawObject obj)
    {
        var keys = new List<string>(obj.Count);
        var fields = new Dictionary<string, HoconValue>(obj.Count, StringComparer.Ordinal);
        foreach (var key in obj.Keys)
        {
            var value = ResolveNode(obj[key]);
            if (value is not null)
            {
                keys.Add(key);
                fields[key] = value;
            }
        }

        return new HoconObject(keys, fields, obj.Position);
    }

    private HoconArray ResolveArray(RawArray array)
    {
        var items = new List<HoconValue>(array.Items.Count);
        foreach (var item in array.Items)
        {
            // An undefined optional substitution adds no element.
            var value = ResolveNode(item);
            if (value is not null)
            {
                items.Add(value);
            }
        }

        return new HoconArray([.. items], array.Position);
    }

    /// <summary>
    /// Merges a field's definitions (oldest first) from the top down: a non-object hides what is beneath it,
    /// adjacent objects merge, undefined definitions are skipped (the earlier value remains).
    /// </summary>
    private HoconValue? ResolveLayers(IReadOnlyList<RawValue> layers)
    {
        List<HoconObject>? objects = null;
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            var value = ResolveNode(layers[i]);
            if (value is null)
            {
                continue;
            }

            if (value is HoconObject obj)
            {
                (objects ??= []).Add(obj);
                continue;
            }

            if (objects is null)
            {
                return value;
            }

            break;
        }

        if (objects is null)
        {
            return null;
        }

        var result = objects[^1];
        for (var k = objects.Count - 2; k >= 0; k--)
        {
            result = HoconObject.Merge(result, objects[k]);
        }

        return result;
    }

    /// <summary>Marks every frame opened while <paramref name="node"/> was active: their results depend on its exclusion.</summary>
    private void MarkTaintedAbove(RawValue node)
    {
        for (var i = _frames.Count - 1; i >= 0 && !ReferenceEquals(_frames[i].Node, node); i--)
        {
            _frames[i].Tainted = true;
        }
    }

    private sealed class Frame(RawValue node)
    {
        public RawValue Node { get; } = node;

        public bool Tainted { get; set; }
    }
}
