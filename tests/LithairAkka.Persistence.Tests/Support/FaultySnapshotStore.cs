using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Snapshot;

namespace LithairAkka.Persistence.Tests.Support;

/// <summary>The in-memory snapshot store whose loads fail when its config says <c>fail-load = on</c>.</summary>
public sealed class FaultySnapshotStore(Config config, ActorSystem system) : MemorySnapshotStore(config, system)
{
    private readonly bool _failLoad = config.GetBoolean("fail-load", false);

    public override Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token) =>
        _failLoad ? Task.FromException<SelectedSnapshot?>(new IOException("simulated snapshot load failure")) : base.LoadAsync(persistenceId, criteria, token);
}
