using System.Diagnostics;

namespace LithairAkka.Actors.Dispatch;

/// <summary>The run loop: system messages first, then up to <c>throughput</c> user messages.</summary>
internal sealed partial class Mailbox
{
    /// <summary>Runs on a thread-pool (or dedicated) thread; never concurrently with itself.</summary>
    public void Execute()
    {
        ActorCell.Current = _cell;
        try
        {
            if (!IsClosed)
            {
                ProcessAllSystemMessages();
                ProcessMailbox();
            }
        }
        finally
        {
            ActorCell.Current = null;
            Interlocked.And(ref _status, ~Scheduled);

            // Reschedule through the global queue so that a busy actor does not starve the others on this thread.
            RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: false, preferLocal: false);
        }
    }

    private void ProcessMailbox()
    {
        var left = _throughput;
        var deadline = _deadlineTicks == 0 ? 0 : Stopwatch.GetTimestamp() + _deadlineTicks;
        while ((Volatile.Read(ref _status) & ~Scheduled) == 0 && TryDequeue(out var envelope))
        {
            _cell.Invoke(envelope);
            if (Volatile.Read(ref _systemHead) is not null)
            {
                ProcessAllSystemMessages();
            }

            if (--left == 0 || (deadline != 0 && Stopwatch.GetTimestamp() >= deadline))
            {
                break;
            }
        }
    }

    private bool TryDequeue(out Envelope envelope)
    {
        if (_prependedCount > 0)
        {
            var last = _prepended.Count - 1;
            envelope = _prepended[last];
            _prepended.RemoveAt(last);
            _prependedCount = last;
            return true;
        }

        if (_queue.TryDequeue(out envelope))
        {
            if (_capacity > 0)
            {
                Interlocked.Decrement(ref _count);
            }

            return true;
        }

        return false;
    }

    private void ProcessAllSystemMessages()
    {
        var node = DrainSystemMessages();
        while (node is not null && !IsClosed)
        {
            _cell.SystemInvoke(node.Message);
            node = node.Next ?? DrainSystemMessages();
        }

        // Closed by one of them (the actor stopped): the rest can only be answered as dead.
        for (; node is not null; node = node.Next)
        {
            _cell.HandleDeadSystemMessage(node.Message);
        }

        if (IsClosed)
        {
            DrainSystemMessagesToDeadLetters();
        }
    }
}
