using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Workload;

/// <summary>Counts of a history's operations by outcome.</summary>
/// <param name="Operations">All operations.</param>
/// <param name="Ok">Definite successes.</param>
/// <param name="NotFound">Reads of an absent key.</param>
/// <param name="Conflict">Conditional puts refused with 409.</param>
/// <param name="Indeterminate">Unknown outcomes.</param>
/// <param name="Failed">Definite failures.</param>
public sealed record WorkloadSummary(int Operations, int Ok, int NotFound, int Conflict, int Indeterminate, int Failed)
{
    /// <summary>Operations that got a definite answer from the store (ok, not found, conflict).</summary>
    public int Answered => Ok + NotFound + Conflict;

    /// <summary>Counts the operations.</summary>
    /// <param name="operations">The history.</param>
    /// <returns>The summary.</returns>
    public static WorkloadSummary Of(IEnumerable<Operation> operations)
    {
        int total = 0, ok = 0, notFound = 0, conflict = 0, indeterminate = 0, failed = 0;
        foreach (var operation in operations)
        {
            total++;
            switch (operation.Outcome)
            {
                case OperationOutcome.Ok: ok++; break;
                case OperationOutcome.NotFound: notFound++; break;
                case OperationOutcome.Conflict: conflict++; break;
                case OperationOutcome.Indeterminate: indeterminate++; break;
                default: failed++; break;
            }
        }

        return new WorkloadSummary(total, ok, notFound, conflict, indeterminate, failed);
    }
}
