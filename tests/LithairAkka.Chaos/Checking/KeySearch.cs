using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Checking;

/// <summary>
/// Wing and Gong's linearizability search with Lowe's memoisation (Lowe, "Testing for linearizability", 2017), over
/// the call and return events of one key's sub-history kept in a doubly linked list: a call is tried when the model
/// accepts it and the resulting configuration is not subsumed by one already explored (below); a return reached
/// before its call is linearized forces a backtrack. Indeterminate operations have no return event, so they can be linearized at any point after their
/// call, or never: the search succeeds once no return event is left.
/// <para>
/// Memoisation is by subsumption rather than equality: a configuration is (determinate operations linearized,
/// state, indeterminate operations linearized), and one is skipped when a configuration with the same determinate
/// set and state but a subset of its indeterminate operations was already explored: that one can still apply the
/// extra indeterminate operations later or never, so its futures include all of the new one's. Plain equality would
/// keep every subset of the indeterminate writes that a delete or an overwrite made invisible, 2^k of them.
/// </para>
/// <para>
/// Order: in each configuration the callable determinate operations are tried before the indeterminate ones, so
/// the configurations where unknown writes have not (yet) happened, which subsume the others, are explored first.
/// </para>
/// <para>
/// Symmetry: indeterminate writes with the same effect (same kind, expected version and written value, where all
/// values no read returned count as one) are interchangeable once both are callable, as neither has a return event
/// left to order it. Of those, only the first in list order is tried in a configuration.
/// </para>
/// </summary>
/// <remarks>Single-use, not thread-safe.</remarks>
internal sealed class KeySearch
{
    private const int Head = 0;
    private readonly ModelOperation[] _operations;
    private readonly int[] _next;
    private readonly int[] _prev;
    private readonly int[] _operationOf;
    private readonly int[] _returnOf;
    private readonly bool[] _isReturn;
    private readonly int[] _effectClass;
    private int _pendingReturns;

    public KeySearch(ModelOperation[] operations)
    {
        _operations = operations;
        _effectClass = new int[operations.Length];
        var classes = new Dictionary<(Histories.OperationKind, long, int), int>();
        for (var i = 0; i < operations.Length; i++)
        {
            var op = operations[i];
            var effect = (op.Kind, op.IfVersion, op.ValueId);
            if (!op.IsIndeterminate)
            {
                _effectClass[i] = -1;
            }
            else if (!classes.TryGetValue(effect, out _effectClass[i]))
            {
                _effectClass[i] = classes.Count;
                classes.Add(effect, classes.Count);
            }
        }

        var events = new List<(long Time, bool IsReturn, int Operation)>(operations.Length * 2);
        for (var i = 0; i < operations.Length; i++)
        {
            events.Add((operations[i].Invoke, false, i));
            if (!operations[i].IsIndeterminate)
            {
                events.Add((operations[i].Complete, true, i));
            }
        }

        // Calls sort before returns at the same tick: two operations that touch in time count as concurrent,
        // which can only accept more histories, never reject a linearizable one.
        events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time)
            : a.IsReturn != b.IsReturn ? a.IsReturn.CompareTo(b.IsReturn)
            : a.Operation.CompareTo(b.Operation));

        var nodes = events.Count + 1;
        _next = new int[nodes];
        _prev = new int[nodes];
        _operationOf = new int[nodes];
        _returnOf = new int[nodes];
        _isReturn = new bool[nodes];
        var callNode = new int[operations.Length];
        _operationOf[Head] = -1;
        for (var node = 0; node < nodes; node++)
        {
            _prev[node] = node - 1;
            _next[node] = node + 1 < nodes ? node + 1 : -1;
            _returnOf[node] = -1;
        }

        for (var i = 0; i < events.Count; i++)
        {
            var node = i + 1;
            _operationOf[node] = events[i].Operation;
            if (events[i].IsReturn)
            {
                _returnOf[callNode[events[i].Operation]] = node;
                _isReturn[node] = true;
                _pendingReturns++;
            }
            else
            {
                callNode[events[i].Operation] = node;
            }
        }
    }

    /// <summary>Number of search steps taken by <see cref="Run"/>.</summary>
    public long Steps { get; private set; }

    /// <summary>Searches for a linearization.</summary>
    /// <param name="initial">The key's state before the history.</param>
    /// <param name="budget">Maximum steps; past it the answer is <see cref="Verdict.Unknown"/>.</param>
    /// <returns>The verdict.</returns>
    public Verdict Run(RegisterState initial, long budget)
    {
        var determinate = new LinearizedSet(_operations.Length);
        var indeterminate = new LinearizedSet(_operations.Length);
        var explored = new Dictionary<(LinearizedSet, RegisterState), List<LinearizedSet>>();
        var stack = new Stack<(int Node, RegisterState State)>();
        var state = initial;
        IsNew(explored, determinate, indeterminate, state);
        var entry = _next[Head];
        var indeterminatePass = false;
        while (_pendingReturns > 0)
        {
            if (++Steps > budget)
            {
                return Verdict.Unknown;
            }

            var operation = _operationOf[entry];
            if (!_isReturn[entry])
            {
                if (_operations[operation].IsIndeterminate != indeterminatePass
                    || (indeterminatePass && EarlierOfSameEffect(entry)))
                {
                    entry = _next[entry];
                    continue;
                }

                if (VersionedRegister.TryStep(state, _operations[operation], out var next))
                {
                    var set = indeterminatePass ? indeterminate : determinate;
                    set.Set(operation);
                    if (IsNew(explored, determinate, indeterminate, next))
                    {
                        stack.Push((entry, state));
                        state = next;
                        Lift(entry);
                        entry = _next[Head];
                        indeterminatePass = false;
                        continue;
                    }

                    set.Clear(operation);
                }

                entry = _next[entry];
            }
            else if (!indeterminatePass)
            {
                indeterminatePass = true;
                entry = _next[Head];
            }
            else
            {
                if (stack.Count == 0)
                {
                    return Verdict.NotLinearizable;
                }

                var (node, previous) = stack.Pop();
                var undone = _operationOf[node];
                indeterminatePass = _operations[undone].IsIndeterminate;
                (indeterminatePass ? indeterminate : determinate).Clear(undone);
                state = previous;
                Unlift(node);
                entry = _next[node];
            }
        }

        return Verdict.Linearizable;
    }

    private static bool IsNew(
        Dictionary<(LinearizedSet, RegisterState), List<LinearizedSet>> explored,
        LinearizedSet determinate,
        LinearizedSet indeterminate,
        RegisterState state)
    {
        var key = (determinate.Freeze(), state);
        var applied = indeterminate.Freeze();
        if (!explored.TryGetValue(key, out var seen))
        {
            explored.Add(key, [applied]);
            return true;
        }

        if (seen.Exists(s => s.IsSubsetOf(applied)))
        {
            return false;
        }

        seen.RemoveAll(applied.IsSubsetOf);
        seen.Add(applied);
        return true;
    }

    // Every entry before a call being scanned is a call tried in this configuration (the scan stops at returns).
    private bool EarlierOfSameEffect(int entry)
    {
        var effect = _effectClass[_operationOf[entry]];
        for (var node = _prev[entry]; node != Head; node = _prev[node])
        {
            if (_effectClass[_operationOf[node]] == effect)
            {
                return true;
            }
        }

        return false;
    }

    private void Remove(int node)
    {
        _next[_prev[node]] = _next[node];
        if (_next[node] != -1)
        {
            _prev[_next[node]] = _prev[node];
        }
    }

    private void Restore(int node)
    {
        _next[_prev[node]] = node;
        if (_next[node] != -1)
        {
            _prev[_next[node]] = node;
        }
    }

    private void Lift(int call)
    {
        Remove(call);
        if (_returnOf[call] is var ret and not -1)
        {
            Remove(ret);
            _pendingReturns--;
        }
    }

    private void Unlift(int call)
    {
        if (_returnOf[call] is var ret and not -1)
        {
            Restore(ret);
            _pendingReturns++;
        }

        Restore(call);
    }
}
