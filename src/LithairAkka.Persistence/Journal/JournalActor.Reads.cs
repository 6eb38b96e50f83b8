using LithairAkka.Actors;

namespace LithairAkka.Persistence.Journal;

/// <summary>Replays and deletions.</summary>
internal sealed partial class JournalActor
{
    private async Task ReplayAsync(ReplayMessages request, CancellationToken token)
    {
        var recipient = request.PersistentActor;
        try
        {
            var highest = await _journal.ReadHighestSequenceNrAsync(request.PersistenceId, request.FromSequenceNr, token).ConfigureAwait(false);
            var from = Math.Max(1, request.FromSequenceNr);
            var to = Math.Min(request.ToSequenceNr, highest);
            if (request.Max > 0 && from <= to)
            {
                await _journal.ReplayMessagesAsync(
                    new ReplayContext(_system, recipient),
                    request.PersistenceId,
                    from,
                    to,
                    request.Max,
                    persistent =>
                    {
                        if (!persistent.IsDeleted)
                        {
                            recipient.Tell(new ReplayedMessage(persistent), ActorRefs.NoSender);
                        }
                    },
                    token).ConfigureAwait(false);
            }

            recipient.Tell(new RecoverySuccess(highest), ActorRefs.NoSender);
        }
        catch (Exception e)
        {
            _log.Warning(e, "Journal plugin {PluginId}: replaying {PersistenceId} failed", _pluginId, request.PersistenceId);
            recipient.Tell(new ReplayMessagesFailure(e), ActorRefs.NoSender);
        }
    }

    private async Task DeleteAsync(DeleteMessagesTo request, CancellationToken token)
    {
        try
        {
            await _journal.DeleteMessagesToAsync(request.PersistenceId, request.ToSequenceNr, token).ConfigureAwait(false);
            request.PersistentActor.Tell(new DeleteMessagesSuccess(request.ToSequenceNr), ActorRefs.NoSender);
        }
        catch (Exception e)
        {
            request.PersistentActor.Tell(new DeleteMessagesFailure(e, request.ToSequenceNr), ActorRefs.NoSender);
        }
    }
}
