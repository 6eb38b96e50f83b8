using LithairAkka.Persistence.Tests.Spec;

namespace LithairAkka.Persistence.Sql.Tests.Postgres;

/// <summary>On a contract-suite class: its tests are skipped with a reason when <c>LITHAIR_PG_CONNECTION</c> is not set.</summary>
public sealed class RequiresPostgresAttribute : SpecSkipAttribute
{
    public override string? SkipReason => PostgresDatabase.SkipReason;
}
