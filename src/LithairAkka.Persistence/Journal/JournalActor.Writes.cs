using LithairAkka.Actors;

namespace LithairAkka.Persistence.Journal;

/// <summary>Write batches: one plugin call per batch, answers per request, one-by-one retry after a failed batch.</summary>
internal sealed partial class JournalActor
{
    private async Task WriteBatchAsync(List<WriteMessages> requests, CancellationToken token)
    {
        try
        {
            var writes = Collect(requests);
            if (writes.Count == 0)
            {
                foreach (var request in requests)
                {
                    ReplySuccess(request, null, 0);
                }

                return;
            }

            IReadOnlyList<Exception?>? results;
            try
            {
                results = await _journal.WriteMessagesAsync(writes, token).ConfigureAwait(false);
                CheckResults(results, writes.Count);
            }
            catch (Exception e) when (requests.Count > 1 && !token.IsCancellationRequested)
            {
                _log.Warning(e, "Journal plugin {PluginId}: a batch of {Requests} requests failed; retrying them one by one", _pluginId, requests.Count);
                await RetryOneByOneAsync(requests, token).ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                foreach (var request in requests)
                {
                    ReplyFailure(request, e);
                }

                return;
            }

            var offset = 0;
            foreach (var request in requests)
            {
                offset = ReplySuccess(request, results, offset);
            }
        }
        finally
        {
            _self.Tell(new WriteBatchCompleted(requests), _self);
        }
    }

    private async Task RetryOneByOneAsync(List<WriteMessages> requests, CancellationToken token)
    {
        foreach (var request in requests)
        {
            var writes = Collect([request]);
            try
            {
                var results = writes.Count == 0 ? null : await _journal.WriteMessagesAsync(writes, token).ConfigureAwait(false);
                CheckResults(results, writes.Count);
                ReplySuccess(request, results, 0);
            }
            catch (Exception e)
            {
                ReplyFailure(request, e);
            }
        }
    }

    private static List<AtomicWrite> Collect(List<WriteMessages> requests)
    {
        var writes = new List<AtomicWrite>();
        foreach (var request in requests)
        {
            foreach (var envelope in request.Messages)
            {
                if (envelope is AtomicWrite write)
                {
                    writes.Add(write);
                }
            }
        }

        return writes;
    }

    private static void CheckResults(IReadOnlyList<Exception?>? results, int writes)
    {
        if (results is not null && results.Count != writes)
        {
            throw new InvalidOperationException(
                $"The journal plugin returned {results.Count} results for {writes} atomic writes; it must return null or one per write.");
        }
    }

    /// <summary>Answers one request whose writes start at <paramref name="offset"/> in <paramref name="results"/>; returns the next offset.</summary>
    private static int ReplySuccess(WriteMessages request, IReadOnlyList<Exception?>? results, int offset)
    {
        var actor = request.PersistentActor;
        var id = request.ActorInstanceId;
        actor.Tell(new WriteMessagesSuccessful(id), ActorRefs.NoSender);
        foreach (var envelope in request.Messages)
        {
            switch (envelope)
            {
                case AtomicWrite write:
                    var rejection = results?[offset];
                    offset++;
                    foreach (var persistent in write.Payload)
                    {
                        actor.Tell(
                            rejection is null ? new WriteMessageSuccess(persistent, id) : new WriteMessageRejected(persistent, rejection, id),
                            persistent.Sender);
                    }

                    break;
                case NonPersistentMessage loop:
                    actor.Tell(new LoopMessageSuccess(loop.Payload, id), loop.Sender);
                    break;
            }
        }

        return offset;
    }

    private static void ReplyFailure(WriteMessages request, Exception cause)
    {
        var actor = request.PersistentActor;
        var id = request.ActorInstanceId;
        var count = 0;
        foreach (var envelope in request.Messages)
        {
            count += envelope.Size;
        }

        actor.Tell(new WriteMessagesFailed(cause, count, id), ActorRefs.NoSender);
        foreach (var envelope in request.Messages)
        {
            switch (envelope)
            {
                case AtomicWrite write:
                    foreach (var persistent in write.Payload)
                    {
                        actor.Tell(new WriteMessageFailure(persistent, cause, id), persistent.Sender);
                    }

                    break;
                case NonPersistentMessage loop:
                    actor.Tell(new LoopMessageSuccess(loop.Payload, id), loop.Sender);
                    break;
            }
        }
    }
}
