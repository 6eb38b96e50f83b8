using System.Collections;
using System.Diagnostics.CodeAnalysis;
using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon;

/// <summary>A resolved object: fields in the order they were first defined.</summary>
/// <remarks>Immutable and therefore safe to share between threads.</remarks>
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly List<string> _keys;
    private readonly Dictionary<string, HoconValue> _fields;

    internal HoconObject(List<string> keys, Dictionary<string, HoconValue> fields, SourcePosition? position)
        : base(position)
    {
        _keys = keys;
        _fields = fields;
    }

    /// <summary>An object without fields.</summary>
    public static HoconObject Empty { get; } = new([], new Dictionary<string, HoconValue>(StringComparer.Ordinal), null);

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Object;

    /// <summary>The field names, in the order they were first defined.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The field values, in key order.</summary>
    public IEnumerable<HoconValue> Values => _keys.Select(k => _fields[k]);

    IEnumerable<string> IReadOnlyDictionary<string, HoconValue>.Keys => _keys;

    /// <summary>The number of fields.</summary>
    public int Count => _keys.Count;

    /// <summary>The value of field <paramref name="key"/> (a single key, not a path).</summary>
    /// <exception cref="KeyNotFoundException">There is no such field.</exception>
    public HoconValue this[string key] => _fields[key];

    /// <summary>Whether the object has a field named <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <summary>Gets the value of field <paramref name="key"/> (a single key, not a path).</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    /// <summary>Enumerates the fields in key order.</summary>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator()
    {
        foreach (var key in _keys)
        {
            yield return new KeyValuePair<string, HoconValue>(key, _fields[key]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The value at <paramref name="path"/>, or <see langword="null"/> when some element is absent or not an object.</summary>
    internal HoconValue? GetPath(HoconPath path)
    {
        HoconValue current = this;
        for (var i = 0; i < path.Count; i++)
        {
            if (current is not HoconObject obj || !obj._fields.TryGetValue(path[i], out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// Merges two objects as if <paramref name="higher"/>'s fields were written after <paramref name="lower"/>'s:
    /// objects merge recursively, anything else in <paramref name="higher"/> wins.
    /// </summary>
    internal static HoconObject Merge(HoconObject lower, HoconObject higher)
    {
        if (higher.Count == 0)
        {
            return lower;
        }

        if (lower.Count == 0)
        {
            return higher;
        }

        var keys = new List<string>(lower._keys);
        var fields = new Dictionary<string, HoconValue>(lower._fields, StringComparer.Ordinal);
        foreach (var key in higher._keys)
        {
            var value = higher._fields[key];
            if (fields.TryGetValue(key, out var existing))
            {
                fields[key] = existing is HoconObject lo && value is HoconObject ho ? Merge(lo, ho) : value;
            }
            else
            {
                keys.Add(key);
                fields[key] = value;
            }
        }

        return new HoconObject(keys, fields, higher.Position ?? lower.Position);
    }

    /// <summary>Wraps <paramref name="value"/> in one object per path element.</summary>
    internal static HoconObject Wrap(HoconPath path, HoconValue value)
    {
        var current = value;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            current = new HoconObject(
                [path[i]],
                new Dictionary<string, HoconValue>(StringComparer.Ordinal) { [path[i]] = current },
                current.Position);
        }

        return (HoconObject)current;
    }
}
