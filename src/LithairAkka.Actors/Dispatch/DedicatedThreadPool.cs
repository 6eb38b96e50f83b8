namespace LithairAkka.Actors.Dispatch;

/// <summary>
/// A fixed set of dedicated background threads draining a FIFO queue of mailboxes; used for actors that block
/// (pinned: one thread per actor) or that need isolation from the shared .NET thread pool.
/// </summary>
internal sealed class DedicatedThreadPool
{
    private readonly Queue<Mailbox> _work = new();
    private readonly object _lock = new();
    private bool _stopping;

    internal DedicatedThreadPool(string name, int threadCount)
    {
        for (var i = 0; i < threadCount; i++)
        {
            new Thread(Run) { IsBackground = true, Name = threadCount == 1 ? name : $"{name}-{i}" }.Start();
        }
    }

    internal void Enqueue(Mailbox mailbox)
    {
        lock (_lock)
        {
            _work.Enqueue(mailbox);
            Monitor.Pulse(_lock);
        }
    }

    /// <summary>Lets the threads finish the queued work and exit. Safe to call from one of them.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stopping = true;
            Monitor.PulseAll(_lock);
        }
    }

    private void Run()
    {
        while (true)
        {
            Mailbox mailbox;
            lock (_lock)
            {
                while (_work.Count == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    Monitor.Wait(_lock);
                }

                mailbox = _work.Dequeue();
            }

            ((IThreadPoolWorkItem)mailbox).Execute();
        }
    }
}
