using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Tests.Log;

/// <summary>Runs the log-store contract against <see cref="FileLogStore"/>, with small segments so rotation happens.</summary>
public sealed class FileLogStoreContractTests : LogStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override async Task<ILogStore> CreateAsync() => await FileLogStore.OpenAsync(Options());

    protected override async Task<ILogStore> ReopenAsync(ILogStore store)
    {
        await store.DisposeAsync();
        return await FileLogStore.OpenAsync(Options());
    }

    public void Dispose() => _directory.Dispose();

    private FileLogStoreOptions Options() => new(_directory.Path) { SegmentSize = 64 << 10 };
}
