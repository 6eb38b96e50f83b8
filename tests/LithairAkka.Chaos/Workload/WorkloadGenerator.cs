using System.Globalization;
using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Workload;

/// <summary>
/// Drives concurrent clients against the nodes' data API and records every operation in a
/// <see cref="HistoryRecorder"/>: each client picks a hot key slot, an operation by weight and a node at random,
/// writes values unique to the run (<c>p{process}-{n}</c>), and aims conditional puts at the last version it saw
/// (or 0). Each slot moves to a fresh key (<c>{prefix}{slot}-{generation}</c>) every
/// <see cref="WorkloadOptions.OperationsPerKey"/> operations, as Jepsen's independent keys do.
/// After an indeterminate outcome a client continues as a new process, as its old operation may still be in flight.
/// </summary>
/// <remarks>One run per instance; <see cref="RunAsync"/> is not reentrant.</remarks>
public sealed class WorkloadGenerator
{
    private readonly WorkloadOptions _options;
    private readonly KvHttpClient _client;
    private readonly HistoryRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly long[] _slotOperations;

    /// <summary>Creates the generator.</summary>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="client">Runs the requests.</param>
    /// <param name="recorder">Receives every operation.</param>
    /// <param name="time">The clock that bounds the run.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public WorkloadGenerator(WorkloadOptions options, KvHttpClient client, HistoryRecorder recorder, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _client = client;
        _recorder = recorder;
        _time = time;
        _slotOperations = new long[options.Keys];
    }

    /// <summary>
    /// Runs every client until <see cref="WorkloadOptions.Duration"/> has passed, it has run
    /// <see cref="WorkloadOptions.OperationsPerClient"/> operations, or <paramref name="token"/> is cancelled.
    /// </summary>
    /// <param name="token">Stops the run; operations in flight end indeterminate.</param>
    /// <returns>The counts of the operations this run recorded.</returns>
    public async Task<WorkloadSummary> RunAsync(CancellationToken token)
    {
        var start = _time.GetTimestamp();
        var clients = Enumerable.Range(0, _options.Clients).Select(i => Task.Run(() => RunClientAsync(i, start, token), token));
        var recorded = await Task.WhenAll(clients);
        return WorkloadSummary.Of(recorded.SelectMany(r => r));
    }

    private async Task<List<Operation>> RunClientAsync(int index, long start, CancellationToken token)
    {
        var random = new Random(unchecked((_options.Seed * 7919) + index));
        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        var recorded = new List<Operation>();
        var process = index;
        var incarnation = 0;
        var sequence = 0;
        var limit = _options.OperationsPerClient ?? int.MaxValue;
        while (!token.IsCancellationRequested && _time.GetElapsedTime(start) < _options.Duration && recorded.Count < limit)
        {
            var slot = random.Next(_options.Keys);
            var generation = (Interlocked.Increment(ref _slotOperations[slot]) - 1) / _options.OperationsPerKey;
            var key = string.Create(CultureInfo.InvariantCulture, $"{_options.KeyPrefix}{slot}-{generation}");
            var kind = PickKind(random);
            var value = kind is OperationKind.Put or OperationKind.ConditionalPut
                ? string.Create(CultureInfo.InvariantCulture, $"p{process}-{++sequence}")
                : null;
            long? ifVersion = kind == OperationKind.ConditionalPut
                ? random.Next(4) == 0 ? 0 : known.GetValueOrDefault(key)
                : null;
            var nodeIndex = random.Next(_options.Nodes.Count);
            var node = _options.Nodes[nodeIndex];
            var id = _recorder.NextId();
            var invoke = _recorder.Now;
            var answer = await _client.ExecuteAsync(node, kind, key, value, ifVersion, token);
            var operation = new Operation
            {
                Id = id,
                Process = process,
                Kind = kind,
                Key = key,
                Value = value,
                IfVersion = ifVersion,
                Invoke = invoke,
                Complete = _recorder.Now,
                Outcome = answer.Outcome,
                Version = answer.Version,
                ReadValue = answer.ReadValue,
                Node = nodeIndex,
                Detail = answer.Detail,
            };
            _recorder.Record(operation);
            recorded.Add(operation);
            Learn(known, operation);
            if (answer.Outcome == OperationOutcome.Indeterminate)
            {
                process = index + (_options.Clients * ++incarnation);
            }

            if (answer.Outcome is OperationOutcome.Indeterminate or OperationOutcome.Failed && _options.FailureBackoff > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(_options.FailureBackoff, _time, token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return recorded;
    }

    private static void Learn(Dictionary<string, long> known, Operation operation)
    {
        switch (operation.Outcome)
        {
            case OperationOutcome.Ok or OperationOutcome.Conflict when operation.Version is { } version:
                known[operation.Key] = version;
                break;
            case OperationOutcome.Ok when operation.Kind == OperationKind.Delete:
            case OperationOutcome.NotFound:
                known[operation.Key] = 0;
                break;
        }
    }

    private OperationKind PickKind(Random random)
    {
        var roll = random.Next(_options.GetWeight + _options.PutWeight + _options.ConditionalPutWeight + _options.DeleteWeight);
        if ((roll -= _options.GetWeight) < 0)
        {
            return OperationKind.Get;
        }

        if ((roll -= _options.PutWeight) < 0)
        {
            return OperationKind.Put;
        }

        return roll - _options.ConditionalPutWeight < 0 ? OperationKind.ConditionalPut : OperationKind.Delete;
    }
}
