using LithairAkka.Persistence.Log;
using LithairAkka.Persistence.Sql.Log;
using LithairAkka.Persistence.Sql.Tests.Sqlite;
using LithairAkka.Persistence.Tests.Log;

namespace LithairAkka.Persistence.Sql.Tests.Log;

/// <summary>Runs the log-store contract against <see cref="SqlLogStore"/> on a SQLite file.</summary>
public sealed class SqliteLogStoreContractTests : LogStoreContractTests, IDisposable
{
    private readonly SqliteDatabase _database = new();

    protected override async Task<ILogStore> CreateAsync() =>
        await SqlLogStore.OpenAsync(new SqlLogStoreOptions(SqlProvider.Sqlite, _database.ConnectionString));

    protected override async Task<ILogStore> ReopenAsync(ILogStore store)
    {
        await store.DisposeAsync();
        return await CreateAsync();
    }

    public void Dispose() => _database.Dispose();
}
