using System.Globalization;
using System.Text;
using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Checking;

/// <summary>
/// A minimal non-linearizable sub-history of one key, reached from the failing history by weakening steps (dropping
/// reads and conflicts, turning writes indeterminate, cutting a prefix or suffix that precedes or follows every
/// remaining determinate operation) and by dropping indeterminate puts nobody read (see <c>CounterexampleShrinker</c>).
/// </summary>
/// <param name="Key">The key.</param>
/// <param name="Initial">The initial state under which it fails.</param>
/// <param name="Operations">Its operations, ordered by invocation.</param>
/// <param name="OriginalOperations">Size of the key's sub-history it was shrunk from.</param>
public sealed record Counterexample(string Key, InitialState Initial, IReadOnlyList<Operation> Operations, int OriginalOperations)
{
    /// <summary>A readable table: times in milliseconds from the first invocation, process, request and answer.</summary>
    /// <returns>The text, ending with a newline.</returns>
    public string Format()
    {
        var text = new StringBuilder();
        var start = Operations.Count == 0 ? 0 : Operations.Min(o => o.Invoke);
        var initial = Initial == InitialState.Absent ? "the key starts absent" : "whatever the key held before";
        text.Append(CultureInfo.InvariantCulture, $"counterexample on key \"{Key}\": {Operations.Count} of {OriginalOperations} operations, {initial}, no linearization exists\n");
        text.Append("     start ms     end ms  process  operation -> answer\n");
        foreach (var operation in Operations.OrderBy(o => o.Invoke).ThenBy(o => o.Id))
        {
            var end = operation.IsDeterminate ? Millis(operation.Complete - start) : "never?";
            text.Append(CultureInfo.InvariantCulture, $"  {Millis(operation.Invoke - start),11} {end,10}  p{operation.Process,-6}  {Describe(operation)}\n");
        }

        return text.ToString();
    }

    /// <summary>One operation as <c>put "v" if-version 1 -> ok version 2</c>.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The description (request, arrow, answer; the operation id in brackets).</returns>
    public static string Describe(Operation operation)
    {
        var request = operation.Kind switch
        {
            OperationKind.Put => $"put \"{operation.Value}\"",
            OperationKind.ConditionalPut => string.Create(CultureInfo.InvariantCulture, $"put \"{operation.Value}\" if-version {operation.IfVersion}"),
            OperationKind.Get => "get",
            _ => "delete",
        };
        var answer = operation.Outcome switch
        {
            OperationOutcome.Ok when operation.Kind == OperationKind.Get =>
                string.Create(CultureInfo.InvariantCulture, $"\"{operation.ReadValue}\" version {operation.Version}"),
            OperationOutcome.Ok when operation.Kind == OperationKind.Delete => "ok",
            OperationOutcome.Ok => string.Create(CultureInfo.InvariantCulture, $"ok version {operation.Version}"),
            OperationOutcome.NotFound => "not found",
            OperationOutcome.Conflict => string.Create(CultureInfo.InvariantCulture, $"409 current {operation.Version}"),
            OperationOutcome.Indeterminate => "unknown (may or may not have happened)",
            _ => "failed",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{request} -> {answer}  [#{operation.Id}]");
    }

    private static string Millis(long ticks) => (ticks / (double)TimeSpan.TicksPerMillisecond).ToString("F3", CultureInfo.InvariantCulture);
}
