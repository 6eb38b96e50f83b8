using LithairAkka.Hocon;

namespace LithairAkka.Persistence.Sql.Tests;

public class SqlPluginSettingsTests
{
    private static Config Section(string hocon) =>
        ConfigurationFactory.ParseString(hocon)
            .WithFallback(Persistence.ReferenceConfig.GetConfig("akka.persistence.journal.sql"));

    [Fact]
    public void Create_ReferenceDefaults_MatchAkkaPersistenceSql()
    {
        var settings = SqlPluginSettings.Create(Section("connection-string = \"Data Source=x.db\""), "sql");

        Assert.Equal(SqlProvider.Sqlite, settings.Provider);
        Assert.True(settings.AutoInitialize);
        Assert.Equal(100, settings.BatchSize);
        Assert.Equal(1000, settings.ReplayBatchSize);
        Assert.Equal(SqlTableNames.Default, settings.Tables);
    }

    [Theory]
    [InlineData("postgresql", SqlProvider.PostgreSql)]
    [InlineData("PostgreSQL.15", SqlProvider.PostgreSql)]
    [InlineData("SQLite.MS", SqlProvider.Sqlite)]
    public void Create_ProviderNames_AreRecognised(string provider, SqlProvider expected)
    {
        var settings = SqlPluginSettings.Create(Section($"provider = \"{provider}\"\nconnection-string = \"x\""), "sql");

        Assert.Equal(expected, settings.Provider);
    }

    [Fact]
    public void Create_UnknownProvider_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => SqlPluginSettings.Create(Section("provider = oracle\nconnection-string = x"), "akka.persistence.journal.sql"));

        Assert.Contains("akka.persistence.journal.sql.provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoConnectionString_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => SqlPluginSettings.Create(Section(string.Empty), "akka.persistence.journal.sql"));

        Assert.Contains("connection-string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ZeroBatchSize_Throws()
    {
        Assert.Throws<ConfigurationException>(() => SqlPluginSettings.Create(Section("connection-string = x\nbatch-size = 0"), "sql"));
    }

    [Fact]
    public void Create_CustomTableMapping_UsesItsTableNames()
    {
        var settings = SqlPluginSettings.Create(
            Section("""
                connection-string = x
                table-mapping = custom
                custom {
                  schema-name = "events"
                  journal { table-name = "event_journal" }
                  tag { table-name = "event_tag" }
                }
                """),
            "sql");

        Assert.Equal(new SqlTableNames("events", "event_journal", "event_tag", "snapshot", "schema_version"), settings.Tables);
    }
}
