using System.Collections;
using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon;

/// <summary>A resolved array.</summary>
/// <remarks>Immutable and therefore safe to share between threads.</remarks>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly HoconValue[] _items;

    internal HoconArray(HoconValue[] items, SourcePosition? position)
        : base(position)
    {
        _items = items;
    }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Array;

    /// <summary>The number of elements.</summary>
    public int Count => _items.Length;

    /// <summary>The element at <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the array.</exception>
    public HoconValue this[int index] => _items[index];

    /// <summary>Enumerates the elements in order.</summary>
    public IEnumerator<HoconValue> GetEnumerator() => ((IEnumerable<HoconValue>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static HoconArray Concat(HoconArray first, HoconArray second, SourcePosition? position)
    {
        var items = new HoconValue[first.Count + second.Count];
        first._items.CopyTo(items, 0);
        second._items.CopyTo(items, first.Count);
        return new HoconArray(items, position);
    }
}
