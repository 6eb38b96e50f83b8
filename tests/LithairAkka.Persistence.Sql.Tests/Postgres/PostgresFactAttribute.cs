namespace LithairAkka.Persistence.Sql.Tests.Postgres;

/// <summary>A fact that needs PostgreSQL: skipped with a reason when <c>LITHAIR_PG_CONNECTION</c> is not set.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
