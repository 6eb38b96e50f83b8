namespace LithairAkka.Hocon.Raw;

/// <summary>
/// The one merge rule of HOCON, used for duplicate keys, includes, object concatenation and
/// <see cref="Config.WithFallback"/>: objects merge field by field, a later non-object hides everything
/// before it, and an undetermined later value is stacked on top of the earlier ones for the resolver.
/// </summary>
internal static class RawMerger
{
    /// <summary>The value of a field defined first as <paramref name="lower"/> and then as <paramref name="higher"/>.</summary>
    /// <param name="lower">The earlier (or fallback) definition.</param>
    /// <param name="higher">The later (or overriding) definition.</param>
    /// <param name="mutate">
    /// Whether <paramref name="lower"/> and its sub-objects may be changed in place: true only for trees the caller is
    /// still building; false copies every object on the merged paths and shares the rest.
    /// </param>
    public static RawValue Merge(RawValue lower, RawValue higher, bool mutate)
    {
        if (!higher.IsUndetermined && higher is not RawObject)
        {
            // A scalar or an array hides every earlier definition.
            return higher;
        }

        if (higher is RawObject higherObject)
        {
            switch (lower)
            {
                case RawObject lowerObject:
                    return MergeObjects(lowerObject, higherObject, mutate);
                case RawMerge lowerMerge:
                    var layers = mutate ? lowerMerge.Layers : [.. lowerMerge.Layers];
                    if (layers[^1] is RawObject top)
                    {
                        layers[^1] = MergeObjects(top, higherObject, mutate);
                    }
                    else
                    {
                        layers.Add(higherObject);
                    }

                    return mutate ? lowerMerge : new RawMerge(layers);
                case RawSubstitution or RawConcatenation:
                    return new RawMerge([lower, higherObject]);
                default:
                    // An object replaces an earlier non-object.
                    return higherObject;
            }
        }

        // The later value is undetermined: keep the earlier layers, a self-reference may need them.
        var stack = new List<RawValue>();
        AddLayers(stack, lower);
        AddLayers(stack, higher);
        return new RawMerge(stack);
    }

    private static void AddLayers(List<RawValue> stack, RawValue value)
    {
        if (value is RawMerge merge)
        {
            stack.AddRange(merge.Layers);
        }
        else
        {
            stack.Add(value);
        }
    }

    private static RawObject MergeObjects(RawObject lower, RawObject higher, bool mutate)
    {
        var target = mutate ? lower : lower.Clone();
        foreach (var key in higher.Keys)
        {
            var value = higher[key];
            target.Set(key, target.TryGet(key, out var existing) ? Merge(existing, value, mutate) : value);
        }

        return target;
    }
}
