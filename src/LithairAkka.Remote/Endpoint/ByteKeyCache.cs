using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace LithairAkka.Remote.Endpoint;

/// <summary>
/// A bounded cache keyed by byte strings (UTF-8 paths and manifests off the wire), looked up with a span so a hit
/// allocates nothing. When it reaches its capacity it starts over empty: the working set of a node (its actors and
/// its peers' senders) refills it at once, while a flood of one-off keys cannot grow it. Thread-safe.
/// </summary>
internal sealed class ByteKeyCache<T>
    where T : class
{
    private readonly ConcurrentDictionary<byte[], T> _map = new(ByteKeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], T>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly int _capacity;
    private int _count;

    public ByteKeyCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public bool TryGet(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out T value) => _lookup.TryGetValue(key, out value);

    public void Set(ReadOnlySpan<byte> key, T value)
    {
        if (Volatile.Read(ref _count) >= _capacity)
        {
            _map.Clear();
            Volatile.Write(ref _count, 0);
        }

        if (_lookup.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            _lookup[key] = value;
        }
    }

    public void Remove(ReadOnlySpan<byte> key)
    {
        if (_lookup.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private sealed class ByteKeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static ByteKeyComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
