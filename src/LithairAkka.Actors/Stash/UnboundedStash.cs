using LithairAkka.Actors.Dispatch;

namespace LithairAkka.Actors;

/// <summary>The stash of one actor incarnation; actor thread only.</summary>
internal sealed class UnboundedStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];

    // The delivery last stashed: stashing the same delivery twice is the error, not stashing the same object twice
    // (a singleton message delivered again is a new delivery).
    private long _lastStashedDelivery = -1;

    public int Count => _stashed.Count;

    public bool IsEmpty => _stashed.Count == 0;

    public void Stash()
    {
        var message = cell.CurrentMessage ?? throw new IllegalActorStateException("There is no current message to stash.");
        if (_stashed.Count > 0 && _lastStashedDelivery == cell.CurrentDelivery)
        {
            throw new IllegalActorStateException($"Can't stash the same message {message} more than once.");
        }

        if (message is Terminated terminated)
        {
            // Delivered once per watch: keep it deliverable after unstashing.
            cell.RequeueTerminated(terminated);
        }

        _stashed.Add(new Envelope(message, cell.CurrentSender));
        _lastStashedDelivery = cell.CurrentDelivery;
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Mailbox.EnqueueFirst(first);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        for (var i = _stashed.Count - 1; i >= 0; i--)
        {
            if (predicate(_stashed[i]))
            {
                cell.Mailbox.EnqueueFirst(_stashed[i]);
            }
        }

        _stashed.Clear();
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var result = _stashed.ToArray();
        _stashed.Clear();
        return result;
    }
}
