using LithairAkka.Actors;
using LithairAkka.Actors.Event;

namespace LithairAkka.Persistence.Snapshot;

/// <summary>
/// Hosts a <see cref="SnapshotStore"/> plugin: every request runs concurrently on the thread pool and is answered
/// from there to its sender.
/// </summary>
internal sealed class SnapshotStoreActor : ActorBase
{
    private readonly SnapshotStore _store;
    private readonly string _pluginId;
    private readonly ILoggingAdapter _log;
    private readonly PluginLifetime _lifetime;

    public SnapshotStoreActor(SnapshotStore store, string pluginId)
    {
        _store = store;
        _pluginId = pluginId;
        _log = Context.GetLogger();
        _lifetime = new PluginLifetime(pluginId, store, _log);
    }

    protected override bool Receive(object message)
    {
        var sender = Sender;
        switch (message)
        {
            case LoadSnapshot load:
                Run(sender, load, static async (store, request, token) =>
                {
                    var load = (LoadSnapshot)request;
                    try
                    {
                        var selected = await store.LoadAsync(load.PersistenceId, load.Criteria.Limit(load.ToSequenceNr), token).ConfigureAwait(false);
                        return new LoadSnapshotResult(selected, load.ToSequenceNr);
                    }
                    catch (Exception e)
                    {
                        return new LoadSnapshotFailed(e);
                    }
                });
                return true;
            case SaveSnapshot save:
                Run(sender, save, static async (store, request, token) =>
                {
                    var save = (SaveSnapshot)request;
                    try
                    {
                        await store.SaveAsync(save.Metadata, save.Snapshot, token).ConfigureAwait(false);
                        return new SaveSnapshotSuccess(save.Metadata);
                    }
                    catch (Exception e)
                    {
                        return new SaveSnapshotFailure(save.Metadata, e);
                    }
                });
                return true;
            case DeleteSnapshot delete:
                Run(sender, delete, static async (store, request, token) =>
                {
                    var delete = (DeleteSnapshot)request;
                    try
                    {
                        await store.DeleteAsync(delete.Metadata, token).ConfigureAwait(false);
                        return new DeleteSnapshotSuccess(delete.Metadata);
                    }
                    catch (Exception e)
                    {
                        return new DeleteSnapshotFailure(delete.Metadata, e);
                    }
                });
                return true;
            case DeleteSnapshots deleteMany:
                Run(sender, deleteMany, static async (store, request, token) =>
                {
                    var delete = (DeleteSnapshots)request;
                    try
                    {
                        await store.DeleteAsync(delete.PersistenceId, delete.Criteria, token).ConfigureAwait(false);
                        return new DeleteSnapshotsSuccess(delete.Criteria);
                    }
                    catch (Exception e)
                    {
                        return new DeleteSnapshotsFailure(delete.Criteria, e);
                    }
                });
                return true;
            default:
                return false;
        }
    }

    protected override void PostStop() => _lifetime.Stop();

    private void Run(IActorRef replyTo, object request, Func<SnapshotStore, object, CancellationToken, Task<object>> operation)
    {
        _lifetime.Begin();
        var token = _lifetime.Stopping;
        _ = Task.Run(async () =>
        {
            try
            {
                var answer = await operation(_store, request, token).ConfigureAwait(false);
                if (answer is LoadSnapshotFailed or SaveSnapshotFailure)
                {
                    _log.Warning("Snapshot store {PluginId}: {Answer}", _pluginId, answer);
                }

                replyTo.Tell(answer, ActorRefs.NoSender);
            }
            finally
            {
                _lifetime.End();
            }
        });
    }
}
