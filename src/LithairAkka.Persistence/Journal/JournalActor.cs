using LithairAkka.Actors;
using LithairAkka.Actors.Event;

namespace LithairAkka.Persistence.Journal;

/// <summary>
/// Hosts an <see cref="AsyncWriteJournal"/> plugin: batches the <see cref="WriteMessages"/> requests of all
/// persistent actors (everything queued while the previous write ran goes into the next one, up to the plugin's
/// batch size, with at most its write parallelism in flight), and runs replays and deletions concurrently. Plugin
/// calls run on the thread pool, never on this actor's thread; answers go straight from there to the requesters.
/// The requests of one persistent actor are written in arrival order and never in two concurrent calls, so that
/// their answers keep that order and a failed call cannot leave a gap below a later, successful one.
/// </summary>
internal sealed partial class JournalActor : ActorBase
{
    private readonly AsyncWriteJournal _journal;
    private readonly string _pluginId;
    private readonly int _parallelism;
    private readonly int _batchSize;
    private readonly LinkedList<WriteMessages> _queued = new();
    private readonly HashSet<IActorRef> _writing = [];
    private readonly ILoggingAdapter _log;
    private readonly PluginLifetime _lifetime;
    private readonly ActorSystem _system;
    private readonly IActorRef _self;
    private int _inFlight;

    public JournalActor(AsyncWriteJournal journal, string pluginId)
    {
        _journal = journal;
        _pluginId = pluginId;
        _parallelism = Math.Max(1, journal.WriteParallelism);
        _batchSize = Math.Max(1, journal.WriteBatchSize);
        _log = Context.GetLogger();
        _system = Context.System;
        _self = Self;
        _lifetime = new PluginLifetime(pluginId, journal, _log);
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WriteMessages write:
                _queued.AddLast(write);
                StartWrites();
                return true;
            case WriteBatchCompleted completed:
                _inFlight--;
                foreach (var request in completed.Requests)
                {
                    _writing.Remove(request.PersistentActor);
                }

                StartWrites();
                return true;
            case ReplayMessages replay:
                Run(static (actor, request, token) => actor.ReplayAsync((ReplayMessages)request, token), replay);
                return true;
            case DeleteMessagesTo delete:
                Run(static (actor, request, token) => actor.DeleteAsync((DeleteMessagesTo)request, token), delete);
                return true;
            default:
                return false;
        }
    }

    protected override void PostStop() => _lifetime.Stop();

    private void StartWrites()
    {
        while (_inFlight < _parallelism && _queued.Count > 0)
        {
            var requests = new List<WriteMessages>();
            var atomicWrites = 0;
            for (var node = _queued.First; node is not null;)
            {
                var next = node.Next;
                var request = node.Value;
                if (!_writing.Contains(request.PersistentActor))
                {
                    var count = CountAtomicWrites(request);
                    if (requests.Count > 0 && atomicWrites + count > _batchSize)
                    {
                        break;
                    }

                    _queued.Remove(node);
                    requests.Add(request);
                    atomicWrites += count;
                }

                node = next;
            }

            if (requests.Count == 0)
            {
                // Everything queued waits for a write of its actor that is still running.
                return;
            }

            foreach (var request in requests)
            {
                _writing.Add(request.PersistentActor);
            }

            _inFlight++;
            Run(static (actor, batch, token) => actor.WriteBatchAsync((List<WriteMessages>)batch, token), requests);
        }
    }

    private void Run(Func<JournalActor, object, CancellationToken, Task> operation, object request)
    {
        _lifetime.Begin();
        var token = _lifetime.Stopping;
        _ = Task.Run(async () =>
        {
            try
            {
                await operation(this, request, token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Operations answer their own failures; this only guards against a bug in the answering code.
                _log.Error(e, "Journal plugin {PluginId}: unexpected failure of an operation", _pluginId);
            }
            finally
            {
                _lifetime.End();
            }
        });
    }

    private static int CountAtomicWrites(WriteMessages request)
    {
        var count = 0;
        foreach (var envelope in request.Messages)
        {
            if (envelope is AtomicWrite)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A write batch ended; its slot and its actors are free.</summary>
    private sealed record WriteBatchCompleted(List<WriteMessages> Requests) : IDeadLetterSuppression;
}
