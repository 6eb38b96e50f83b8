using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Checking;

/// <summary>
/// Wing and Gong's linearizability search with Lowe's memoisation (Lowe, "Testing for linearizability", 2017), over
/// the call and return events of one key's sub-history kept in a doubly linked list: a call is tried when the model
/// accepts it and the pair (linearized set, state) is new; a return reached before its call is linearized forces a
/// backtrack. Indeterminate operations have no return event, so they can be linearized at any point after their
/// call, or never: the search succeeds once no return event is left.
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
    private int _pendingReturns;

    public KeySearch(ModelOperation[] operations)
    {
        _operations = operations;
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
        var linearized = new LinearizedSet(_operations.Length);
        var cache = new HashSet<(LinearizedSet, RegisterState)>();
        var stack = new Stack<(int Node, RegisterState State)>();
        var state = initial;
        var entry = _next[Head];
        while (_pendingReturns > 0)
        {
            if (++Steps > budget)
            {
                return Verdict.Unknown;
            }

            var operation = _operationOf[entry];
            if (!_isReturn[entry])
            {
                if (VersionedRegister.TryStep(state, _operations[operation], out var next))
                {
                    linearized.Set(operation);
                    if (cache.Add((linearized.Freeze(), next)))
                    {
                        stack.Push((entry, state));
                        state = next;
                        Lift(entry);
                        entry = _next[Head];
                        continue;
                    }

                    linearized.Clear(operation);
                }

                entry = _next[entry];
            }
            else
            {
                if (stack.Count == 0)
                {
                    return Verdict.NotLinearizable;
                }

                var (node, previous) = stack.Pop();
                linearized.Clear(_operationOf[node]);
                state = previous;
                Unlift(node);
                entry = _next[node];
            }
        }

        return Verdict.Linearizable;
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
