using LithairAkka.Persistence.Log;
using LithairAkka.Persistence.Sql.Log;
using LithairAkka.Persistence.Sql.Tests.Postgres;
using LithairAkka.Persistence.Tests.Log;

namespace LithairAkka.Persistence.Sql.Tests.Log;

/// <summary>Runs the log-store contract against <see cref="SqlLogStore"/> on PostgreSQL, in tables of its own per test.</summary>
[RequiresPostgres]
public sealed class PostgresLogStoreContractTests : LogStoreContractTests
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];

    protected override async Task<ILogStore> CreateAsync() => await SqlLogStore.OpenAsync(
        new SqlLogStoreOptions(SqlProvider.PostgreSql, PostgresDatabase.ConnectionString!)
        {
            EntryTable = "log_entry_" + _suffix,
            GroupTable = "log_group_" + _suffix,
        });

    protected override async Task<ILogStore> ReopenAsync(ILogStore store)
    {
        await store.DisposeAsync();
        return await CreateAsync();
    }
}
