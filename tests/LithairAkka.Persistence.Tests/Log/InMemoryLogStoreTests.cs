using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Tests.Log;

/// <summary>Runs the log-store contract against <see cref="InMemoryLogStore"/>.</summary>
public sealed class InMemoryLogStoreTests : LogStoreContractTests
{
    protected override Task<ILogStore> CreateAsync() => Task.FromResult<ILogStore>(new InMemoryLogStore());

    protected override Task<ILogStore> ReopenAsync(ILogStore store) => Task.FromResult(store);
}
