using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Tests.Histories;

public class HistoryJsonTests
{
    [Fact]
    public void WriteThenRead_EveryKindAndOutcome_RoundTrips()
    {
        Operation[] history =
        [
            Ops.Put(0, 1, 2, "a", 1),
            Ops.Cas(1, 3, 4, "b", 1, 2),
            Ops.CasConflict(2, 5, 6, "c", 0, 2),
            Ops.CasUnknown(3, 7, "d", 2),
            Ops.Get(4, 8, 9, "b \"quoted\" ü", 2),
            Ops.GetMissing(5, 10, 11),
            Ops.Delete(6, 12, 13),
            Ops.DeleteUnknown(7, 14),
            Ops.Failed(8, 15, 16, "e"),
        ];
        using var writer = new StringWriter();

        HistoryJson.Write(writer, history);
        var read = HistoryJson.Read(new StringReader(writer.ToString()));

        Assert.Equal(history, read);
        Assert.Equal(history.Length, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Serialize_UsesKebabCaseEnumsAndOmitsNulls()
    {
        var line = HistoryJson.Serialize(Ops.CasConflict(2, 5, 6, "c", 0, 2) with { Id = 9 });

        Assert.Equal(
            """{"id":9,"process":2,"kind":"conditional-put","key":"k","value":"c","ifVersion":0,"invoke":5,"complete":6,"outcome":"conflict","version":2}""",
            line);
    }

    [Fact]
    public void Read_BlankLines_AreSkipped()
    {
        var text = "\n" + HistoryJson.Serialize(Ops.GetMissing(0, 0, 1)) + "\n\n";

        Assert.Single(HistoryJson.Read(new StringReader(text)));
    }

    [Fact]
    public void Read_BadLine_NamesTheLineNumber()
    {
        var text = HistoryJson.Serialize(Ops.GetMissing(0, 0, 1)) + "\n{\"id\":2,\"kind\":\"teleport\"}\n";

        var error = Assert.Throws<FormatException>(() => HistoryJson.Read(new StringReader(text)));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingRequiredMember_Fails()
    {
        Assert.Throws<FormatException>(() => HistoryJson.Read(new StringReader("{\"id\":1,\"process\":0,\"kind\":\"get\",\"key\":\"k\"}\n")));
    }
}
