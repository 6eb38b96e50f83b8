namespace LithairAkka.Hocon;

/// <summary>Lists, sub-configurations and the children of an object.</summary>
public sealed partial class Config
{
    /// <summary>The list of strings at <paramref name="path"/>; numbers and booleans are converted to their text.</summary>
    /// <exception cref="ConfigurationException">The path is absent or null, or is not a list of scalars.</exception>
    public IReadOnlyList<string> GetStringList(string path) => ToStringList(path, Require(path, StringListType));

    /// <summary>The list of strings at <paramref name="path"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    /// <exception cref="ConfigurationException">The path is not a list of scalars.</exception>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> defaultValue) =>
        Optional(path) is { } value ? ToStringList(path, value) : defaultValue;

    /// <summary>The object at <paramref name="path"/> as a configuration; <see cref="Empty"/> when absent or null.</summary>
    /// <remarks>The result holds resolved values only: a later <see cref="WithFallback"/> on it does not re-resolve substitutions.</remarks>
    /// <exception cref="ConfigurationException">The path holds something other than an object.</exception>
    public Config GetConfig(string path) => Optional(path) switch
    {
        null => Empty,
        HoconObject obj => FromRoot(obj, Origin),
        var other => throw WrongType(path, other, ObjectType),
    };

    /// <summary>The list of objects at <paramref name="path"/>, each as a configuration; empty when absent or null.</summary>
    /// <exception cref="ConfigurationException">The path holds something other than a list of objects.</exception>
    public IReadOnlyList<Config> GetConfigList(string path)
    {
        var value = Optional(path);
        if (value is null)
        {
            return [];
        }

        if (value is not HoconArray array || array.Any(item => item is not HoconObject))
        {
            throw WrongType(path, value, ObjectListType);
        }

        return [.. array.Select(item => FromRoot((HoconObject)item, Origin))];
    }

    /// <summary>The keys of the object at <paramref name="path"/> in definition order; empty when absent or null.</summary>
    /// <remarks>Keys are single elements and may contain dots (<c>"System.Object"</c>); quote them to use them in a path.</remarks>
    /// <exception cref="ConfigurationException">The path holds something other than an object.</exception>
    public IReadOnlyList<string> GetKeys(string path) => Optional(path) switch
    {
        null => [],
        HoconObject obj => obj.Keys,
        var other => throw WrongType(path, other, ObjectType),
    };

    /// <summary>
    /// The direct children of the object at <paramref name="path"/> as strings (for maps such as
    /// <c>akka.actor.serializers { json = "..." }</c>); empty when absent or null. Fields set to <c>null</c> are left out.
    /// </summary>
    /// <exception cref="ConfigurationException">The path holds something other than an object, or a child is an object or a list.</exception>
    public IReadOnlyDictionary<string, string> GetStringMap(string path)
    {
        var value = Optional(path);
        if (value is null)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        if (value is not HoconObject obj)
        {
            throw WrongType(path, value, ObjectType);
        }

        var map = new Dictionary<string, string>(obj.Count, StringComparer.Ordinal);
        foreach (var (key, child) in obj)
        {
            if (child.Type == HoconValueType.Null)
            {
                continue;
            }

            if (child is not HoconScalar scalar)
            {
                throw WrongType(path, child, "an object whose fields are all strings");
            }

            map[key] = scalar.Text;
        }

        return map;
    }

    private IReadOnlyList<string> ToStringList(string path, HoconValue value)
    {
        if (value is not HoconArray array || array.Any(item => item is not HoconScalar { Type: not HoconValueType.Null }))
        {
            throw WrongType(path, value, StringListType);
        }

        return [.. array.Select(item => ((HoconScalar)item).Text)];
    }
}
