using Xunit.Sdk;

namespace LithairAkka.Persistence.Tests.Spec;

/// <summary>
/// A fact of a contract suite (<c>JournalSpec</c>, <c>SnapshotStoreSpec</c>,
/// <c>PersistentActorSpec</c>): it is skipped when the concrete test class carries a
/// <see cref="SpecSkipAttribute"/> that gives a reason, e.g. a PostgreSQL subclass without a database.
/// </summary>
[XunitTestCaseDiscoverer("LithairAkka.Persistence.Tests.Spec.SpecFactDiscoverer", "LithairAkka.Persistence.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SpecFactAttribute : FactAttribute
{
}
