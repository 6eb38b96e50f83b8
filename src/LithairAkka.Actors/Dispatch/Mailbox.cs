using System.Collections.Concurrent;
using System.Diagnostics;
using LithairAkka.Actors.Dispatch.SysMsg;

namespace LithairAkka.Actors.Dispatch;

/// <summary>
/// The queues of one actor and the work item that drains them. User messages go to a lock-free
/// <see cref="ConcurrentQueue{T}"/> of struct envelopes; system messages to a lock-free stack drained in FIFO order
/// and processed ahead of user messages (before the run and after every user message). An atomic status word holds
/// the Closed and Scheduled bits and a suspend count, so the Tell path is an enqueue, a read and at most one CAS.
/// </summary>
/// <remarks>
/// Invariant: at most one thread runs <see cref="Execute"/> at a time (the Scheduled bit is set by CAS before the
/// work item is queued and cleared after the run). Producers enqueue first and read the status second; the
/// consumer clears Scheduled first and checks the queues second. One of the two therefore always sees the other's
/// work, so no message is stranded.
/// </remarks>
internal sealed partial class Mailbox : IThreadPoolWorkItem
{
    private const int Open = 0;
    private const int Closed = 1;
    private const int Scheduled = 2;
    private const int SuspendUnit = 4;

    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly int _capacity;
    private readonly int _throughput;
    private readonly long _deadlineTicks;

    // Unstashed envelopes waiting ahead of the queue; the end of the list is the front. Actor thread only.
    private readonly List<Envelope> _prepended = [];
    private volatile int _prependedCount;

    private SystemMessageNode? _systemHead;
    private int _status;
    private int _count;
    private ActorCell _cell = null!;
    private DedicatedThreadPool? _dedicated;

    internal Mailbox(MessageDispatcher dispatcher, MailboxSettings settings)
    {
        Dispatcher = dispatcher;
        _capacity = settings.Capacity;
        _throughput = dispatcher.Throughput;
        _deadlineTicks = dispatcher.ThroughputDeadlineTime is { } deadline && deadline > TimeSpan.Zero
            ? (long)(deadline.TotalSeconds * Stopwatch.Frequency)
            : 0;
    }

    internal MessageDispatcher Dispatcher { get; }

    internal bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    internal bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    internal bool IsScheduled => (Volatile.Read(ref _status) & Scheduled) != 0;

    internal bool HasMessages => _prependedCount > 0 || !_queue.IsEmpty;

    internal bool HasSystemMessages => Volatile.Read(ref _systemHead) is not null;

    /// <summary>Approximate number of queued user messages.</summary>
    internal int NumberOfMessages => _queue.Count + _prependedCount;

    internal void SetActor(ActorCell cell, DedicatedThreadPool? dedicated)
    {
        _cell = cell;
        _dedicated = dedicated;
    }

    /// <summary>The Tell path: enqueue, then schedule if the mailbox was idle. Thread-safe, lock-free.</summary>
    internal void Post(object message, IActorRef? sender)
    {
        if (_capacity > 0 && Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            _cell.SendToDeadLetters(message, sender);
            return;
        }

        _queue.Enqueue(new Envelope(message, sender));
        var status = Volatile.Read(ref _status);
        if (status == Open)
        {
            if (Interlocked.CompareExchange(ref _status, Scheduled, Open) == Open)
            {
                Schedule(preferLocal: true);
            }
            else
            {
                RegisterForExecution(hasMessageHint: true, hasSystemMessageHint: false, preferLocal: true);
            }
        }
        else if ((status & Closed) != 0)
        {
            // Closed after (or while) we enqueued: the cleanup may already have drained, so drain ourselves.
            DrainUserMessagesToDeadLetters();
        }
    }

    /// <summary>Puts an envelope at the front of the user queue (unstash). Actor thread only.</summary>
    internal void EnqueueFirst(Envelope envelope)
    {
        _prepended.Add(envelope);
        _prependedCount = _prepended.Count;
    }

    /// <summary>Enqueues a system message and schedules the mailbox. Thread-safe, lock-free.</summary>
    internal void SystemEnqueue(ISystemMessage message)
    {
        var node = new SystemMessageNode(message);
        SystemMessageNode? head;
        do
        {
            head = Volatile.Read(ref _systemHead);
            node.Next = head;
        }
        while (Interlocked.CompareExchange(ref _systemHead, node, head) != head);

        if (IsClosed)
        {
            DrainSystemMessagesToDeadLetters();
        }
        else
        {
            RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: true, preferLocal: true);
        }
    }

    /// <summary>Increments the suspend count; false when closed.</summary>
    internal bool Suspend()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & Closed) != 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, s + SuspendUnit, s) == s)
            {
                return true;
            }
        }
    }

    /// <summary>Decrements the suspend count and schedules when resumed; false when closed.</summary>
    internal bool Resume()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & Closed) != 0)
            {
                return false;
            }

            var next = s < SuspendUnit ? s : s - SuspendUnit;
            if (Interlocked.CompareExchange(ref _status, next, s) == s)
            {
                if (next < SuspendUnit)
                {
                    RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: false, preferLocal: true);
                }

                return true;
            }
        }
    }

    /// <summary>Marks the mailbox closed, keeping the Scheduled bit; false when it already was.</summary>
    internal bool BecomeClosed()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & Closed) != 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, Closed | (s & Scheduled), s) == s)
            {
                return true;
            }
        }
    }

    /// <summary>Drains every queued message to dead letters. Called once the mailbox is closed.</summary>
    internal void CleanUp()
    {
        DrainSystemMessagesToDeadLetters();
        for (var i = _prepended.Count - 1; i >= 0; i--)
        {
            var envelope = _prepended[i];
            _cell.SendToDeadLetters(envelope.Message, envelope.Sender);
        }

        _prepended.Clear();
        _prependedCount = 0;
        DrainUserMessagesToDeadLetters();
    }

    internal void RegisterForExecution(bool hasMessageHint, bool hasSystemMessageHint, bool preferLocal)
    {
        if (CanBeScheduledForExecution(hasMessageHint, hasSystemMessageHint) && SetAsScheduled())
        {
            Schedule(preferLocal);
        }
    }

    private bool CanBeScheduledForExecution(bool hasMessageHint, bool hasSystemMessageHint)
    {
        var s = Volatile.Read(ref _status);
        if (s is Open or Scheduled)
        {
            return hasMessageHint || hasSystemMessageHint || HasSystemMessages || HasMessages;
        }

        return (s & Closed) == 0 && (hasSystemMessageHint || HasSystemMessages);
    }

    private bool SetAsScheduled()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & (Closed | Scheduled)) != 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, s | Scheduled, s) == s)
            {
                return true;
            }
        }
    }

    private void Schedule(bool preferLocal)
    {
        if (_dedicated is null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal);
        }
        else
        {
            _dedicated.Enqueue(this);
        }
    }

    private void DrainUserMessagesToDeadLetters()
    {
        while (_queue.TryDequeue(out var envelope))
        {
            _cell.SendToDeadLetters(envelope.Message, envelope.Sender);
        }
    }

    private void DrainSystemMessagesToDeadLetters()
    {
        for (var node = DrainSystemMessages(); node is not null; node = node.Next)
        {
            _cell.HandleDeadSystemMessage(node.Message);
        }
    }

    /// <summary>Takes every queued system message, oldest first.</summary>
    private SystemMessageNode? DrainSystemMessages()
    {
        var head = Interlocked.Exchange(ref _systemHead, null);
        SystemMessageNode? reversed = null;
        while (head is not null)
        {
            var next = head.Next;
            head.Next = reversed;
            reversed = head;
            head = next;
        }

        return reversed;
    }

    private sealed class SystemMessageNode(ISystemMessage message)
    {
        public ISystemMessage Message { get; } = message;

        public SystemMessageNode? Next { get; set; }
    }
}
