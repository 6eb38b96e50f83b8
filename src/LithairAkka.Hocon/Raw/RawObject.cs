using System.Diagnostics.CodeAnalysis;
using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Raw;

/// <summary>An object whose fields may still hold substitutions; keys keep the order of first definition.</summary>
internal sealed class RawObject : RawValue
{
    private readonly List<string> _keys;
    private readonly Dictionary<string, RawValue> _fields;

    public RawObject(SourcePosition? position)
        : base(position)
    {
        _keys = [];
        _fields = new Dictionary<string, RawValue>(StringComparer.Ordinal);
    }

    private RawObject(RawObject source)
        : base(source.Position)
    {
        _keys = [.. source._keys];
        _fields = new Dictionary<string, RawValue>(source._fields, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Keys => _keys;

    public int Count => _keys.Count;

    public RawValue this[string key] => _fields[key];

    public bool TryGet(string key, [MaybeNullWhen(false)] out RawValue value) => _fields.TryGetValue(key, out value);

    /// <summary>Sets a field, appending the key if it is new; only for trees still being built.</summary>
    public void Set(string key, RawValue value)
    {
        if (!_fields.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _fields[key] = value;
    }

    /// <summary>A shallow copy that can be changed without touching this object.</summary>
    public RawObject Clone() => new(this);

    /// <summary>Wraps <paramref name="value"/> in one object per element of <paramref name="path"/> (<c>a.b.c = 1</c>).</summary>
    public static RawValue Wrap(HoconPath path, int from, RawValue value, SourcePosition? position)
    {
        var current = value;
        for (var i = path.Count - 1; i >= from; i--)
        {
            var obj = new RawObject(position);
            obj.Set(path[i], current);
            current = obj;
        }

        return current;
    }

    public override RawValue WithPrefix(HoconPath prefix)
    {
        var result = new RawObject(Position);
        foreach (var key in _keys)
        {
            result.Set(key, _fields[key].WithPrefix(prefix));
        }

        return result;
    }
}
