using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

public class RaftLogTests
{
    private static readonly Configuration Voters = Configuration.OfVoters(new NodeId(1), new NodeId(2), new NodeId(3));

    internal static LogEntry E(long index, long term) => new(term, index, EntryKind.Normal, new byte[] { (byte)index, (byte)term });

    private static RaftLog LogWithTerms(params long[] terms) =>
        new(SnapshotMetadata.Initial(Voters), [.. terms.Select((t, i) => E(i + 1, t))]);

    [Fact]
    public void TryAppend_PrevEntryMissing_RefusesAndChangesNothing()
    {
        var log = LogWithTerms(1, 1);

        var result = log.TryAppend(3, 1, 0, [E(4, 1)]);

        Assert.Null(result);
        Assert.Equal(2, log.LastIndex);
    }

    [Fact]
    public void TryAppend_PrevTermDiffers_Refuses()
    {
        var log = LogWithTerms(1, 1);

        Assert.Null(log.TryAppend(2, 2, 0, [E(3, 2)]));
    }

    [Fact]
    public void TryAppend_Matching_AppendsAndCommitsUpToLastNewEntry()
    {
        var log = LogWithTerms(1);

        var result = log.TryAppend(1, 1, leaderCommit: 10, [E(2, 1), E(3, 2)]);

        Assert.Equal(3, result);
        Assert.Equal(3, log.LastIndex);
        Assert.Equal(3, log.CommitIndex);
    }

    [Fact]
    public void TryAppend_CommitBeyondReceivedEntries_IsCappedAtLastNewIndex()
    {
        // The follower holds an unrelated suffix beyond what this message proves matches.
        var log = LogWithTerms(1, 1, 1, 1);

        log.TryAppend(1, 1, leaderCommit: 4, [E(2, 1)]);

        Assert.Equal(2, log.CommitIndex);
    }

    [Fact]
    public void TryAppend_ConflictingSuffix_IsTruncatedAndReplaced()
    {
        var log = LogWithTerms(1, 1, 1, 1);

        var result = log.TryAppend(1, 1, 0, [E(2, 1), E(3, 2)]);

        Assert.Equal(3, result);
        Assert.Equal(3, log.LastIndex);
        Assert.Equal(2, log.TermAt(3));
    }

    [Fact]
    public void TryAppend_StaleShorterMessage_KeepsLongerMatchingSuffix()
    {
        var log = LogWithTerms(1, 1, 1, 1);

        var result = log.TryAppend(1, 1, 0, [E(2, 1)]);

        Assert.Equal(2, result);
        Assert.Equal(4, log.LastIndex);
    }

    [Fact]
    public void TryAppend_ConflictWithCommittedEntry_Throws()
    {
        var log = LogWithTerms(1, 1, 1);
        log.CommitTo(3);

        Assert.Throws<InvalidOperationException>(() => log.TryAppend(1, 1, 0, [E(2, 2)]));
    }

    [Fact]
    public void FindConflictByTerm_SkipsEntriesOfHigherTerms()
    {
        var log = LogWithTerms(1, 1, 2, 4, 4, 4);

        Assert.Equal((3L, 2L), log.FindConflictByTerm(6, 3));
        Assert.Equal((2L, 1L), log.FindConflictByTerm(6, 1));
        Assert.Equal((6L, 4L), log.FindConflictByTerm(6, 4));
        Assert.Equal((9L, 0L), log.FindConflictByTerm(9, 4));
    }

    [Fact]
    public void IsUpToDate_ComparesLastTermThenLength()
    {
        var log = LogWithTerms(1, 2, 2);

        Assert.True(log.IsUpToDate(1, 3));
        Assert.True(log.IsUpToDate(3, 2));
        Assert.False(log.IsUpToDate(2, 2));
        Assert.False(log.IsUpToDate(9, 1));
    }

    [Fact]
    public void Slice_RespectsCountAndBytesButSendsAtLeastOne()
    {
        var log = LogWithTerms(1, 1, 1, 1, 1);

        Assert.Equal(2, log.Slice(2, 2, long.MaxValue).Count);
        Assert.Single(log.Slice(2, 10, 1));
        Assert.Equal(2, log.Slice(1, 10, (2 * LogEntry.Overhead) + 4).Count);
        Assert.Empty(log.Slice(6, 10, long.MaxValue));
    }

    [Fact]
    public void Compact_DropsPrefixAndKeepsTermOfSnapshotIndex()
    {
        var log = LogWithTerms(1, 1, 2, 2);
        log.Restart(commit: 3, applied: 3);

        log.Compact(new SnapshotMetadata(2, 3, Voters));

        Assert.Equal(4, log.FirstIndex);
        Assert.Equal(2, log.TermAt(3));
        Assert.Null(log.TermAt(2));
        Assert.Equal(4, log.LastIndex);
    }

    [Fact]
    public void Compact_BeyondApplied_Throws()
    {
        var log = LogWithTerms(1, 1, 2, 2);
        log.Restart(commit: 3, applied: 2);

        Assert.Throws<ArgumentException>(() => log.Compact(new SnapshotMetadata(2, 3, Voters)));
    }

    [Fact]
    public void Restore_ReplacesEverythingAndHandsSnapshotOut()
    {
        var log = LogWithTerms(1, 1);
        var snapshot = new SnapshotMetadata(3, 10, Voters);

        log.Restore(snapshot);

        Assert.Equal(10, log.LastIndex);
        Assert.Equal(10, log.CommitIndex);
        Assert.Same(snapshot, log.TakePendingSnapshot());
        Assert.Empty(log.TakeUnpersisted());
        Assert.Empty(log.TakeCommittedToApply());
    }

    [Fact]
    public void TakeUnpersisted_HandsEachEntryOutOnce()
    {
        var log = LogWithTerms();
        log.Append(E(1, 1));
        log.Append(E(2, 1));

        Assert.Equal(2, log.TakeUnpersisted().Count);
        Assert.Empty(log.TakeUnpersisted());
    }

    [Fact]
    public void AcknowledgePersisted_EntriesTruncatedInFlight_DoesNotCountReplacedEntries()
    {
        var log = LogWithTerms();
        log.TryAppend(0, 0, 0, [E(1, 1), E(2, 1), E(3, 1)]);
        var inFlight = log.TakeUnpersisted();

        // A new leader overwrites 2..3 while the host is still writing the old ones.
        log.TryAppend(1, 1, 0, [E(2, 2)]);
        log.AcknowledgePersisted(null, inFlight);

        Assert.Equal(1, log.PersistedIndex);
        var next = log.TakeUnpersisted();
        Assert.Equal(2, next[0].Index);
        Assert.Equal(2, next[0].Term);
    }

    [Fact]
    public void TakeCommittedToApply_NeverPassesWhatWasHandedOutForPersistence()
    {
        var log = LogWithTerms();
        log.TryAppend(0, 0, leaderCommit: 2, [E(1, 1), E(2, 1)]);

        Assert.Empty(log.TakeCommittedToApply());
        log.TakeUnpersisted();
        Assert.Equal(2, log.TakeCommittedToApply().Count);
    }

    [Fact]
    public void ConfigurationEntry_TakesEffectWhenAppendedAndRevertsWhenTruncated()
    {
        var log = LogWithTerms(1);
        var grown = Voters.Apply(ConfigChange.AddLearner(new NodeId(4)));
        var change = new LogEntry(1, 2, EntryKind.ConfigChange, new ConfigChangeEntry(ConfigChange.AddLearner(new NodeId(4)), grown).Encode());

        log.TryAppend(1, 1, 0, [change]);
        Assert.Equal(grown, log.Configuration);
        Assert.Equal(2, log.LastConfigurationIndex);

        log.TryAppend(1, 1, 0, [E(2, 2)]);
        Assert.Equal(Voters, log.Configuration);
        Assert.Equal(0, log.LastConfigurationIndex);
    }

    [Fact]
    public void Constructor_GapInPersistedEntries_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RaftLog(SnapshotMetadata.Initial(Voters), [E(1, 1), E(3, 1)]));
    }
}
