namespace LithairAkka.Chaos.Checking;

/// <summary>A fixed-size bitset of operations linearized so far (part of the search's memoisation key).</summary>
/// <remarks>Not thread-safe; <see cref="Freeze"/> copies it for the cache.</remarks>
internal sealed class LinearizedSet : IEquatable<LinearizedSet>
{
    private readonly ulong[] _words;
    private readonly int _hash;

    public LinearizedSet(int size) => _words = new ulong[(size + 63) / 64];

    private LinearizedSet(ulong[] words, int hash)
    {
        _words = words;
        _hash = hash;
    }

    public void Set(int index) => _words[index >> 6] |= 1UL << (index & 63);

    public void Clear(int index) => _words[index >> 6] &= ~(1UL << (index & 63));

    /// <summary>An immutable copy with its hash computed once.</summary>
    public LinearizedSet Freeze()
    {
        var hash = new HashCode();
        foreach (var word in _words)
        {
            hash.Add(word);
        }

        return new LinearizedSet((ulong[])_words.Clone(), hash.ToHashCode());
    }

    /// <summary>Whether every bit of this set is set in <paramref name="other"/> (same size).</summary>
    public bool IsSubsetOf(LinearizedSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if ((_words[i] & ~other._words[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(LinearizedSet? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as LinearizedSet);

    public override int GetHashCode() => _hash;
}
