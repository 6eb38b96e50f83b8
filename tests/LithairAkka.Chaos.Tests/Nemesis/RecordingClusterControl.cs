using LithairAkka.Chaos.Nemesis;

namespace LithairAkka.Chaos.Tests.Nemesis;

/// <summary>Records every command in order; tracks which nodes are down so a test can assert no majority ever was.</summary>
internal sealed class RecordingClusterControl(int? leader) : IClusterControl
{
    private readonly HashSet<int> _down = [];

    public List<string> Commands { get; } = [];

    public int MaxDown { get; private set; }

    public string? FailOn { get; init; }

    public string? ClockSkewUnavailable { get; init; }

    /// <summary>The offset <see cref="MeasureClockOffsetAsync"/> reports for a skewed node; the asked one when null.</summary>
    public TimeSpan? ReportedOffset { get; init; }

    public Dictionary<int, TimeSpan> Skews { get; } = [];

    /// <summary>Nodes that answer not ready until they are started.</summary>
    public HashSet<int> Dead { get; } = [];

    public Task<bool> IsReadyAsync(int node, CancellationToken token) => Task.FromResult(!Dead.Contains(node) && !_down.Contains(node));

    public Task KillAsync(int node, CancellationToken token) => Down(node, $"kill {node}");

    public Task StartAsync(int node, CancellationToken token)
    {
        Skews.Remove(node);
        Dead.Remove(node);
        return Up(node, $"start {node}");
    }

    public Task StartSkewedAsync(int node, TimeSpan offset, CancellationToken token)
    {
        Skews[node] = offset;
        return Up(node, $"start {node} skewed {offset.TotalSeconds:+0;-0}");
    }

    public Task<TimeSpan?> MeasureClockOffsetAsync(int node, CancellationToken token) =>
        Task.FromResult<TimeSpan?>(Skews.TryGetValue(node, out var offset) ? ReportedOffset ?? offset : TimeSpan.Zero);

    public Task PauseAsync(int node, CancellationToken token) => Down(node, $"pause {node}");

    public Task ResumeAsync(int node, CancellationToken token) => Up(node, $"resume {node}");

    public Task PartitionAsync(IReadOnlyList<int> sideA, IReadOnlyList<int> sideB, CancellationToken token) =>
        Add($"partition {string.Join(',', sideA)} {string.Join(',', sideB)}");

    public Task HealAsync(CancellationToken token) => Add("heal");

    public Task<int?> FindLeaderAsync(CancellationToken token) => Task.FromResult(leader);

    private Task Down(int node, string command)
    {
        _down.Add(node);
        MaxDown = Math.Max(MaxDown, _down.Count);
        return Add(command);
    }

    private Task Up(int node, string command)
    {
        _down.Remove(node);
        return Add(command);
    }

    private Task Add(string command)
    {
        Commands.Add(command);
        return command == FailOn ? Task.FromException(new InvalidOperationException("script failed")) : Task.CompletedTask;
    }
}
