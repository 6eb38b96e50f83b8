using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Checking;

/// <summary>
/// Shrinks a non-linearizable sub-history of one key to a minimal one. Every step is a weakening (any linearization
/// of the larger history restricts to one of the smaller), so each accepted candidate still proves a violation:
/// <list type="bullet">
/// <item>starting from an unknown initial state instead of an absent key;</item>
/// <item>cutting a suffix: the operations invoked from some point on go, and any kept operation still running at that
/// point loses its answer (a read or a 409 is dropped, a write becomes indeterminate);</item>
/// <item>cutting a prefix (unknown initial state only): determinate operations that all completed before every
/// remaining determinate operation began go;</item>
/// <item>dropping one read or one 409, or turning one write indeterminate.</item>
/// </list>
/// One more step is not a weakening: an indeterminate put whose value no remaining operation reads (or an
/// indeterminate delete when no remaining answer shows an absent key) is dropped when the history still fails without
/// it. The original failed whether or not that write happened; the counterexample then shows the case where it did
/// not, and no remaining answer hinges on it.
/// Suffix and prefix cuts are found by binary search, then single steps repeat until none applies or the check
/// budget is spent: the result is 1-minimal for these steps when the budget suffices.
/// </summary>
/// <remarks>Single-use, not thread-safe.</remarks>
internal sealed class CounterexampleShrinker
{
    private readonly InitialState _initial;
    private readonly long _stepBudget;
    private readonly int _maxChecks;
    private int _checks;

    public CounterexampleShrinker(InitialState initial, long stepBudget, int maxChecks)
    {
        _initial = initial;
        _stepBudget = stepBudget;
        _maxChecks = maxChecks;
    }

    /// <summary>Candidate histories checked so far.</summary>
    public int Checks => _checks;

    /// <summary>Shrinks a failing sub-history.</summary>
    /// <param name="key">The key.</param>
    /// <param name="operations">Relevant operations of the key, known not to be linearizable from the initial state.</param>
    /// <returns>The smallest failing sub-history found.</returns>
    public Counterexample Shrink(string key, IReadOnlyList<Operation> operations)
    {
        var current = operations.OrderBy(o => o.Invoke).ThenBy(o => o.Id).ToList();
        var initial = _initial;
        if (initial == InitialState.Absent && Fails(current, InitialState.Unknown))
        {
            initial = InitialState.Unknown;
        }

        var changed = true;
        while (changed && _checks < _maxChecks)
        {
            changed = CutSuffix(ref current, initial);
            if (initial == InitialState.Unknown)
            {
                changed |= CutPrefix(ref current, initial);
            }

            changed |= WeakenOneByOne(ref current, initial);
        }

        return new Counterexample(key, initial, current, operations.Count);
    }

    /// <summary>Keeps the first <paramref name="keep"/> operations by invocation, stripping answers that overlap the cut.</summary>
    internal static List<Operation> SuffixCut(List<Operation> byInvoke, int keep)
    {
        if (keep >= byInvoke.Count)
        {
            return byInvoke;
        }

        var threshold = byInvoke[keep].Invoke;
        var result = new List<Operation>(keep);
        for (var i = 0; i < keep; i++)
        {
            var operation = byInvoke[i];
            if (!operation.IsDeterminate || operation.Complete < threshold)
            {
                result.Add(operation);
            }
            else if (HasEffect(operation))
            {
                result.Add(Indeterminate(operation));
            }
        }

        return result;
    }

    private static bool Reads(Operation read, string? value) =>
        read.Kind == OperationKind.Get && string.Equals(read.ReadValue, value, StringComparison.Ordinal);

    // An answer that observes an absent key: a delete may be what made it absent, and without the delete the
    // counterexample would tell another story. (A plain put answered version 1 is weaker evidence and is not kept.)
    private static bool SeesAbsence(Operation operation) => operation.Outcome switch
    {
        OperationOutcome.NotFound => true,
        OperationOutcome.Ok => operation.Kind == OperationKind.ConditionalPut && operation.IfVersion == 0,
        OperationOutcome.Conflict => operation.Version == 0,
        _ => false,
    };

    private static bool HasEffect(Operation operation) => operation.IsWrite && operation.Outcome == OperationOutcome.Ok;

    private static Operation Indeterminate(Operation operation) =>
        operation with { Outcome = OperationOutcome.Indeterminate, Version = null, ReadValue = null };

    private bool Fails(List<Operation> candidate, InitialState initial)
    {
        if (_checks >= _maxChecks)
        {
            return false;
        }

        _checks++;
        return LinearizabilityChecker.CheckKey(candidate, initial, _stepBudget, out _) == Verdict.NotLinearizable;
    }

    private bool CutSuffix(ref List<Operation> current, InitialState initial)
    {
        int lo = 1, hi = current.Count;
        List<Operation>? best = null;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var candidate = SuffixCut(current, mid);
            if (Fails(candidate, initial))
            {
                hi = mid;
                best = candidate;
            }
            else
            {
                lo = mid + 1;
            }
        }

        if (best is null)
        {
            return false;
        }

        current = best;
        return true;
    }

    private bool CutPrefix(ref List<Operation> current, InitialState initial)
    {
        var determinate = current.Where(o => o.IsDeterminate).OrderBy(o => o.Complete).ThenBy(o => o.Id).ToList();
        var minInvokeFrom = new long[determinate.Count + 1];
        minInvokeFrom[determinate.Count] = long.MaxValue;
        for (var i = determinate.Count - 1; i >= 0; i--)
        {
            minInvokeFrom[i] = Math.Min(minInvokeFrom[i + 1], determinate[i].Invoke);
        }

        // Removing the k earliest-completing determinate operations is a weakening only when they all end before
        // every remaining determinate operation starts; removing all of them leaves a trivially linearizable history.
        var cuts = new List<int>();
        for (var k = 1; k < determinate.Count; k++)
        {
            if (determinate[k - 1].Complete < minInvokeFrom[k])
            {
                cuts.Add(k);
            }
        }

        int lo = -1, hi = cuts.Count;
        List<Operation>? best = null;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            var removed = determinate.Take(cuts[mid]).ToHashSet();
            var candidate = current.Where(o => !removed.Contains(o)).ToList();
            if (Fails(candidate, initial))
            {
                lo = mid;
                best = candidate;
            }
            else
            {
                hi = mid;
            }
        }

        if (best is null)
        {
            return false;
        }

        current = best;
        return true;
    }

    private bool WeakenOneByOne(ref List<Operation> current, InitialState initial)
    {
        var changed = false;
        var i = 0;
        while (i < current.Count && _checks < _maxChecks)
        {
            var operation = current[i];
            List<Operation>? candidate = null;
            if (operation.IsDeterminate && !HasEffect(operation))
            {
                candidate = [.. current];
                candidate.RemoveAt(i);
            }
            else if (operation.IsDeterminate)
            {
                candidate = [.. current];
                candidate[i] = Indeterminate(operation);
            }
            else if (operation.Kind == OperationKind.Delete ? !current.Any(SeesAbsence) : !current.Any(o => Reads(o, operation.Value)))
            {
                candidate = [.. current];
                candidate.RemoveAt(i);
            }

            if (candidate is not null && Fails(candidate, initial))
            {
                changed = true;
                var removed = candidate.Count < current.Count;
                current = candidate;
                if (removed)
                {
                    continue;
                }
            }

            i++;
        }

        return changed;
    }
}
