namespace LithairAkka.Chaos.Checking;

/// <summary>A fixed-size bitset of the operations linearized so far (Lowe's memoisation key, with the model state).</summary>
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

    public bool Equals(LinearizedSet? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as LinearizedSet);

    public override int GetHashCode() => _hash;
}
