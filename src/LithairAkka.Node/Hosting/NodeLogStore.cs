using LithairAkka.Node.Startup;
using LithairAkka.Persistence.Log;
using LithairAkka.Persistence.Sql;
using LithairAkka.Persistence.Sql.Log;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Node.Hosting;

/// <summary>Opens the log store <c>lithair.node.log-store</c> chose: the file store, or the SQL store on SQLite or PostgreSQL.</summary>
internal static class NodeLogStore
{
    /// <summary>Opens (creating when missing) and recovers the node's log store.</summary>
    /// <exception cref="IOException">The store's files cannot be opened.</exception>
    /// <exception cref="InvalidOperationException">The database cannot be reached or initialised.</exception>
    public static async Task<ILogStore> OpenAsync(NodeSettings settings, ILoggerFactory loggerFactory, CancellationToken token)
    {
        var store = settings.LogStore;
        if (store.Kind == LogStoreKind.File)
        {
            return await FileLogStore.OpenAsync(
                new FileLogStoreOptions(Path.Combine(settings.DataDirectory, "log")), loggerFactory.CreateLogger<FileLogStore>(), token).ConfigureAwait(false);
        }

        var provider = store.Kind == LogStoreKind.Sqlite ? SqlProvider.Sqlite : SqlProvider.PostgreSql;
        var options = new SqlLogStoreOptions(provider, store.ConnectionString) { Logger = loggerFactory.CreateLogger<SqlLogStore>() };
        try
        {
            return await SqlLogStore.OpenAsync(options, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or ArgumentException)
        {
            // Reported by Program in one line, like any other failure to open storage.
            throw new InvalidOperationException($"{LogStoreSettings.KindPath} = {store.Describe()}: {ex.Message}", ex);
        }
    }
}
