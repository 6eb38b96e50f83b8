using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Nemesis;

/// <summary>
/// Availability of a run outside its fault windows: the share of operations invoked outside every window (widened
/// by a grace period after each, for re-election and restart) that got a definite answer (ok, not found, 409); the
/// same share for the operations invoked during the windows comes from <see cref="Split"/>.
/// </summary>
/// <param name="Operations">Operations invoked outside the windows.</param>
/// <param name="Answered">Of those, the ones with a definite answer.</param>
public sealed record Availability(int Operations, int Answered)
{
    /// <summary>Answered / operations, 1 when there were none.</summary>
    public double Ratio => Operations == 0 ? 1 : Answered / (double)Operations;

    /// <summary>Computes it.</summary>
    /// <param name="history">The operations.</param>
    /// <param name="windows">The fault windows, on the history's clock.</param>
    /// <param name="grace">Time after each window still counted as faulty.</param>
    /// <returns>The availability.</returns>
    public static Availability Compute(IEnumerable<Operation> history, IReadOnlyList<FaultWindow> windows, TimeSpan grace) =>
        Split(history, windows, grace).Outside;

    /// <summary>Availability outside the windows (widened by <paramref name="grace"/>) and during them.</summary>
    /// <param name="history">The operations.</param>
    /// <param name="windows">The fault windows, on the history's clock.</param>
    /// <param name="grace">Time after each window still counted as faulty.</param>
    /// <returns>Both; every operation is in exactly one.</returns>
    public static (Availability Outside, Availability During) Split(IEnumerable<Operation> history, IReadOnlyList<FaultWindow> windows, TimeSpan grace)
    {
        int outside = 0, outsideAnswered = 0, during = 0, duringAnswered = 0;
        foreach (var operation in history)
        {
            var answered = operation.Outcome is OperationOutcome.Ok or OperationOutcome.NotFound or OperationOutcome.Conflict;
            if (windows.Any(w => operation.Invoke >= w.Start && operation.Invoke <= w.End + grace.Ticks))
            {
                during++;
                duringAnswered += answered ? 1 : 0;
            }
            else
            {
                outside++;
                outsideAnswered += answered ? 1 : 0;
            }
        }

        return (new Availability(outside, outsideAnswered), new Availability(during, duringAnswered));
    }
}
