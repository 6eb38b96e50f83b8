using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Tests.Log;

/// <summary>Builds test entries whose payload is derived from (group, index, term), so content can be checked.</summary>
public static class Entries
{
    public static LogEntry[] Range(long group, long from, int count, long term, int payloadBytes = 32)
    {
        var result = new LogEntry[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Make(group, from + i, term, payloadBytes);
        }

        return result;
    }

    public static LogEntry Make(long group, long index, long term, int payloadBytes = 32)
    {
        var payload = new byte[payloadBytes];
        var seed = unchecked((int)((group * 1_000_003) + (index * 7919) + term));
        new Random(seed).NextBytes(payload);
        return new LogEntry(index, term, (byte)(index % 7), payload);
    }

    public static void AssertMatches(long group, LogEntry actual, long expectedIndex, long expectedTerm, int payloadBytes = 32)
    {
        var expected = Make(group, expectedIndex, expectedTerm, payloadBytes);
        Assert.Equal(expected.Index, actual.Index);
        Assert.Equal(expected.Term, actual.Term);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Payload.ToArray(), actual.Payload.ToArray());
    }
}
