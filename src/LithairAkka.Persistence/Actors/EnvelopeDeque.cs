using LithairAkka.Actors.Dispatch;

namespace LithairAkka.Persistence;

/// <summary>A growable ring buffer of envelopes with cheap insertion at both ends. Actor thread only.</summary>
internal sealed class EnvelopeDeque
{
    private Envelope[] _items = new Envelope[8];
    private int _head;
    private int _count;

    public int Count => _count;

    public void AddLast(Envelope envelope)
    {
        Grow();
        _items[(_head + _count) % _items.Length] = envelope;
        _count++;
    }

    public void AddFirst(Envelope envelope)
    {
        Grow();
        _head = (_head - 1 + _items.Length) % _items.Length;
        _items[_head] = envelope;
        _count++;
    }

    /// <summary>Puts <paramref name="envelopes"/> in front, keeping their order.</summary>
    public void AddFirstRange(IReadOnlyList<Envelope> envelopes)
    {
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            AddFirst(envelopes[i]);
        }
    }

    public Envelope RemoveFirst()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The deque is empty.");
        }

        var envelope = _items[_head];
        _items[_head] = default;
        _head = (_head + 1) % _items.Length;
        _count--;
        return envelope;
    }

    /// <summary>Removes and returns every envelope, front first.</summary>
    public Envelope[] Drain()
    {
        var result = new Envelope[_count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = RemoveFirst();
        }

        return result;
    }

    private void Grow()
    {
        if (_count < _items.Length)
        {
            return;
        }

        var larger = new Envelope[_items.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            larger[i] = _items[(_head + i) % _items.Length];
        }

        _items = larger;
        _head = 0;
    }
}
