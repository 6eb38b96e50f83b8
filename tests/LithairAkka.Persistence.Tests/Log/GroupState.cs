using System.Globalization;
using LithairAkka.Persistence.CrashHost;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Tests.Log;

/// <summary>
/// The crash test's model of one group: compaction point, the term of every entry, and the hard state. Immutable;
/// <see cref="Apply"/> returns the state after one operation line of the crash host.
/// </summary>
public sealed record GroupState
{
    public long Compacted { get; init; }

    public long CompactedTerm { get; init; }

    public IReadOnlyList<long> Terms { get; init; } = [];

    public HardState Hard { get; init; }

    public long Last => Compacted + Terms.Count;

    public static async Task<GroupState> ReadAsync(ILogStore store, long group)
    {
        var info = store.GetGroupInfo(group);
        var entries = await store.ReadAsync(group, info.FirstIndex, info.LastIndex + 1, long.MaxValue);
        Assert.Equal(info.EntryCount, entries.Count);
        foreach (var entry in entries)
        {
            Assert.True(CrashPayload.IsIntact(group, entry), $"group {group}: entry {entry.Index} (term {entry.Term}) has wrong content");
        }

        return new GroupState
        {
            Compacted = info.CompactedIndex,
            CompactedTerm = info.CompactedTerm,
            Terms = [.. entries.Select(e => e.Term)],
            Hard = info.HardState,
        };
    }

    /// <summary>The state after an operation line such as <c>A 3 10 5 2</c> (append 5 entries from 10 in term 2).</summary>
    public GroupState Apply(string[] op)
    {
        long Arg(int i) => long.Parse(op[i], CultureInfo.InvariantCulture);
        switch (op[0])
        {
            case "A":
                Assert.Equal(Last + 1, Arg(2));
                return this with { Terms = [.. Terms, .. Enumerable.Repeat(Arg(4), (int)Arg(3))] };
            case "T":
                return this with { Terms = [.. Terms.Take((int)(Arg(2) - Compacted - 1))] };
            case "C":
                var upTo = Arg(2);
                var term = Arg(3);
                var keep = upTo <= Last && (upTo == Compacted ? CompactedTerm : Terms[(int)(upTo - Compacted - 1)]) == term;
                return this with
                {
                    Compacted = upTo,
                    CompactedTerm = term,
                    Terms = keep ? [.. Terms.Skip((int)(upTo - Compacted))] : [],
                };
            default:
                long? vote = op[3] == "-" ? null : Arg(3);
                return this with { Hard = new HardState(Arg(2), vote, Arg(4)) };
        }
    }

    public bool SameAs(GroupState other) =>
        Compacted == other.Compacted && CompactedTerm == other.CompactedTerm && Hard == other.Hard && Terms.SequenceEqual(other.Terms);

    public override string ToString() =>
        $"(compacted {Compacted}/{CompactedTerm}, last {Last}, hard {Hard}, terms ...{string.Join(",", Terms.TakeLast(5))})";
}
