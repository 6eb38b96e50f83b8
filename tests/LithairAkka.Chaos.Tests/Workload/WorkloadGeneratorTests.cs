using LithairAkka.Chaos.Checking;
using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Workload;

namespace LithairAkka.Chaos.Tests.Workload;

public class WorkloadGeneratorTests
{
    private static readonly Uri[] Nodes = [new("http://node0.test/"), new("http://node1.test/"), new("http://node2.test/")];

    private static async Task<(WorkloadSummary Summary, IReadOnlyList<Operation> History)> RunAsync(InMemoryKvHandler handler, int clients, int operationsPerKey = 250)
    {
        using var http = new HttpClient(handler);
        using var recorder = new HistoryRecorder(TimeProvider.System);
        var options = new WorkloadOptions { Nodes = Nodes, Clients = clients, Keys = 3, Duration = TimeSpan.FromHours(1), OperationsPerClient = 60, OperationsPerKey = operationsPerKey, Seed = 5 };
        var generator = new WorkloadGenerator(options, new KvHttpClient(http, TimeProvider.System, TimeSpan.FromSeconds(10)), recorder, TimeProvider.System);
        var summary = await generator.RunAsync(CancellationToken.None);
        return (summary, recorder.Snapshot());
    }

    [Fact]
    public async Task RunAsync_AgainstALinearizableStore_RecordsALinearizableHistoryOfEveryKind()
    {
        var (summary, history) = await RunAsync(new InMemoryKvHandler(), 8);

        Assert.Equal(history.Count, summary.Operations);
        Assert.Equal(8 * 60, summary.Operations);
        Assert.Equal(0, summary.Indeterminate + summary.Failed);
        Assert.All(Enum.GetValues<OperationKind>(), kind => Assert.Contains(history, o => o.Kind == kind));
        Assert.Contains(history, o => o.Outcome == OperationOutcome.Conflict);
        Assert.Contains(history, o => o.Kind == OperationKind.ConditionalPut && o.Outcome == OperationOutcome.Ok);
        Assert.True(history.Select(o => o.Process).Distinct().Count() == 8);
        Assert.All(history, o => Assert.True(o.Complete >= o.Invoke));
        Assert.Equal(Verdict.Linearizable, LinearizabilityChecker.Check(history).Verdict);
    }

    [Fact]
    public async Task RunAsync_AgainstAStoreServingStaleReads_IsCaught()
    {
        var (_, history) = await RunAsync(new InMemoryKvHandler(staleReads: true), 4);

        var result = LinearizabilityChecker.Check(history);

        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
        Assert.Contains(result.Keys, k => k.Counterexample is { Operations.Count: <= 4 });
    }

    [Fact]
    public async Task RunAsync_SmallOperationsPerKey_MovesEachSlotToFreshKeys()
    {
        var (_, history) = await RunAsync(new InMemoryKvHandler(), 8, operationsPerKey: 10);

        var perKey = history.GroupBy(o => o.Key).ToList();
        Assert.True(perKey.Count >= 48, $"{perKey.Count} keys");
        Assert.All(perKey, g => Assert.True(g.Count() <= 10));
        Assert.Equal(Verdict.Linearizable, LinearizabilityChecker.Check(history).Verdict);
    }

    [Fact]
    public void Constructor_NoNodes_Throws()
    {
        using var recorder = new HistoryRecorder(TimeProvider.System);
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new WorkloadGenerator(
            new WorkloadOptions { Nodes = [] },
            new KvHttpClient(http, TimeProvider.System, TimeSpan.FromSeconds(1)),
            recorder,
            TimeProvider.System));
    }
}
