using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

/// <summary>Builds single cores in a chosen state and reads what they send.</summary>
internal static class Cores
{
    public static readonly GroupId Group = TestCluster.Group;

    public static NodeId N(long id) => new(id);

    /// <summary>A core whose persisted log holds one entry per term in <paramref name="logTerms"/>.</summary>
    public static RaftCore Create(
        long id,
        long[] voters,
        long[]? logTerms = null,
        long term = 0,
        long? votedFor = null,
        RaftOptions? options = null,
        long commit = 0)
    {
        var entries = (logTerms ?? []).Select((t, i) => RaftLogTests.E(i + 1, t)).ToArray();
        var currentTerm = Math.Max(term, entries.Length == 0 ? 0 : entries[^1].Term);
        var state = new RaftPersistentState(
            new HardState(currentTerm, votedFor is { } v ? N(v) : null, commit),
            SnapshotMetadata.Initial(new Configuration(voters.Select(N), [])),
            entries);
        return new RaftCore(N(id), Group, options ?? TestCluster.DefaultOptions, state, new Random((int)id));
    }

    /// <summary>Carries out every pending Ready (as a host that persists instantly) and returns the messages.</summary>
    public static List<RaftMessage> Drain(RaftCore core)
    {
        var messages = new List<RaftMessage>();
        while (core.HasReady)
        {
            var ready = core.GetReady();
            messages.AddRange(ready.Messages);
            core.Advance(ready);
        }

        return messages;
    }

    public static VoteRequest Vote(long from, long to, long term, long lastIndex, long lastTerm, bool preVote = false, bool transfer = false) =>
        new(term, Group, N(from), N(to), lastIndex, lastTerm, preVote, transfer);

    public static AppendEntriesRequest Append(long from, long to, long term, long prevIndex, long prevTerm, long commit, params LogEntry[] entries) =>
        new(term, Group, N(from), N(to), prevIndex, prevTerm, entries, commit);

    public static AppendEntriesResponse Ack(long from, long to, long term, long match) =>
        new(term, Group, N(from), N(to), true, match, 0, 0, 0);
}
