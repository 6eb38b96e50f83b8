using LithairAkka.Actors;
using LithairAkka.Actors.Dispatch;

namespace LithairAkka.Persistence;

/// <summary>The user stash of a persistent actor; actor thread only. Unlike the runtime's stash it accepts the same message object several times.</summary>
internal sealed class UserStash(Eventsourced owner) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public bool IsEmpty => _stashed.Count == 0;

    public void Stash()
    {
        var current = owner.CurrentEnvelope;
        if (current.Message is null)
        {
            throw new IllegalActorStateException("There is no current message to stash.");
        }

        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count > 0)
        {
            var first = _stashed[0];
            _stashed.RemoveAt(0);
            owner.Prepend([first]);
        }
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var selected = _stashed.Where(predicate).ToArray();
        _stashed.Clear();
        owner.Prepend(selected);
    }

    public IReadOnlyList<Envelope> ClearStash() => Drain();

    public Envelope[] Drain()
    {
        var result = _stashed.ToArray();
        _stashed.Clear();
        return result;
    }
}
