using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Tests.Histories;

public class HistoryRecorderTests
{
    [Fact]
    public void Record_ConcurrentClients_KeepsEveryOperationAndWritesOneLineEach()
    {
        var writer = new StringWriter();
        using var recorder = new HistoryRecorder(TimeProvider.System, writer);

        Parallel.For(0, 1000, i =>
        {
            var id = recorder.NextId();
            recorder.Record(Ops.GetMissing(i % 8, recorder.Now, recorder.Now) with { Id = id });
        });

        var recorded = recorder.Snapshot();
        Assert.Equal(1000, recorded.Count);
        Assert.Equal(1000, recorded.Select(o => o.Id).Distinct().Count());
        Assert.Equal(recorded, HistoryJson.Read(new StringReader(writer.ToString())));
    }

    [Fact]
    public void Now_IsMonotonic()
    {
        using var recorder = new HistoryRecorder(TimeProvider.System);
        var previous = recorder.Now;
        for (var i = 0; i < 1000; i++)
        {
            var now = recorder.Now;
            Assert.True(now >= previous);
            previous = now;
        }
    }
}
