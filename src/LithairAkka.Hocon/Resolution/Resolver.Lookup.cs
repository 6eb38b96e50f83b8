using LithairAkka.Hocon.Parsing;
using LithairAkka.Hocon.Raw;

namespace LithairAkka.Hocon.Resolution;

/// <summary>Substitution lookups and cycle reporting.</summary>
internal sealed partial class Resolver
{
    private HoconValue? ResolveSubstitution(RawSubstitution substitution)
    {
        HoconValue? value;
        bool lookedBack;
        try
        {
            value = Lookup(substitution.Path, out lookedBack);
        }
        catch (CycleException) when (substitution.Optional)
        {
            // The specification: a cycle is "undefined" for an optional substitution.
            return null;
        }

        if (value is null && substitution.Environment is { } environment)
        {
            var name = substitution.EnvironmentName;
            var text = environment(name);

            // Set-but-empty counts as not set, as the specification asks.
            if (!string.IsNullOrEmpty(text))
            {
                value = HoconScalar.String(text, new SourcePosition($"environment variable {name}", 0, 0));
            }
        }

        if (value is not null || substitution.Optional)
        {
            return value;
        }

        if (lookedBack)
        {
            throw Cycle(substitution);
        }

        var position = substitution.Position!.Value;
        var written = substitution.Path.Skip(substitution.PrefixLength).ToString();
        var environmentNote = substitution.Environment is null
            ? string.Empty
            : $" and no environment variable '{substitution.EnvironmentName}' is set";
        throw ConfigurationException.At(
            position,
            $"could not resolve substitution {substitution.Describe()}: '{substitution.Path}' is not defined{environmentNote}",
            written);
    }

    /// <summary>
    /// Finds the final value at <paramref name="path"/> by walking the merge stacks of each path element, so only
    /// what lies on the path is resolved. <paramref name="lookedBack"/> tells whether an active (self-referential)
    /// definition was dropped on the way.
    /// </summary>
    private HoconValue? Lookup(HoconPath path, out bool lookedBack)
    {
        lookedBack = false;
        var stack = new List<RawValue> { _root };
        for (var depth = 0; depth < path.Count; depth++)
        {
            var key = path[depth];
            var children = new List<RawValue>();
            for (var i = stack.Count - 1; i >= 0; i--)
            {
                var layer = stack[i];
                if (layer is RawObject obj)
                {
                    if (obj.TryGet(key, out var child))
                    {
                        AddTopDown(children, child);
                    }

                    continue;
                }

                if (layer is RawArray)
                {
                    break;
                }

                var value = ResolveNode(layer);
                if (value is null)
                {
                    continue;
                }

                if (value is not HoconObject resolved)
                {
                    // A non-object hides every definition beneath it.
                    break;
                }

                if (resolved.TryGetValue(key, out var resolvedChild))
                {
                    children.Add(new RawResolved(resolvedChild));
                }
            }

            children.Reverse();
            stack = children;
            lookedBack |= ExcludeActive(stack);
            if (stack.Count == 0)
            {
                return null;
            }
        }

        return ResolveLayers(stack);
    }

    private static void AddTopDown(List<RawValue> children, RawValue child)
    {
        if (child is RawMerge merge)
        {
            for (var i = merge.Layers.Count - 1; i >= 0; i--)
            {
                children.Add(merge.Layers[i]);
            }
        }
        else
        {
            children.Add(child);
        }
    }

    /// <summary>
    /// Drops the lowest definition in <paramref name="stack"/> that is being resolved right now, and every
    /// definition above it: a field that refers to itself sees only what was defined before it.
    /// </summary>
    private bool ExcludeActive(List<RawValue> stack)
    {
        for (var i = 0; i < stack.Count; i++)
        {
            var layer = stack[i];
            if (layer is RawSubstitution or RawConcatenation && _active.Contains(layer))
            {
                MarkTaintedAbove(layer);
                stack.RemoveRange(i, stack.Count - i);
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports the chain of substitutions from <paramref name="node"/> (active) to the current frame.</summary>
    private CycleException Cycle(RawValue node)
    {
        MarkTaintedAbove(node);
        var start = _frames.FindLastIndex(f => ReferenceEquals(f.Node, node));
        var chain = new List<string>();
        SourcePosition? position = null;
        for (var i = Math.Max(start, 0); i < _frames.Count; i++)
        {
            var substitution = FirstSubstitution(_frames[i].Node);
            if (substitution is null)
            {
                continue;
            }

            position ??= substitution.Position;
            chain.Add(substitution.Describe());
        }

        if (chain.Count == 0 && FirstSubstitution(node) is { } own)
        {
            chain.Add(own.Describe());
            position = own.Position;
        }

        position ??= node.Position ?? new SourcePosition("unknown", 0, 0);
        var message = chain.Count == 0
            ? "cycle in substitutions"
            : $"cycle in substitutions: {string.Join(" -> ", chain)} -> {chain[0]} (a value that refers to itself needs an earlier definition to fall back on)";
        return new CycleException(ConfigurationException.At(position.Value, message));
    }

    private static RawSubstitution? FirstSubstitution(RawValue node) => node switch
    {
        RawSubstitution substitution => substitution,
        RawConcatenation concatenation => concatenation.Parts.OfType<RawSubstitution>().FirstOrDefault(),
        _ => null,
    };

    /// <summary>Carries a cycle up to the nearest optional substitution (which treats it as undefined) or out of the resolver.</summary>
    private sealed class CycleException(ConfigurationException error) : Exception(error.Message)
    {
        public ConfigurationException Error { get; } = error;
    }
}
