using LithairAkka.Persistence.Log;
using LithairAkka.Persistence.Tests.Spec;

namespace LithairAkka.Persistence.Tests.Log;

/// <summary>
/// The behaviour every <see cref="ILogStore"/> must have. Each implementation runs it through a thin subclass.
/// </summary>
public abstract class LogStoreContractTests : IAsyncLifetime
{
    private ILogStore? _store;

    protected ILogStore Store => _store ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync() => _store = await CreateAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>Creates an empty store.</summary>
    protected abstract Task<ILogStore> CreateAsync();

    /// <summary>Closes the store and opens it again on the same data (identity for a store without files).</summary>
    protected abstract Task<ILogStore> ReopenAsync(ILogStore store);

    protected async Task ReopenAsync() => _store = await ReopenAsync(Store);

    [SpecFact]
    public async Task AppendAsync_ThenReadAsync_ReturnsEntriesInOrder()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 10, term: 1));

        var read = await Store.ReadAsync(1, 1, 11, long.MaxValue);

        Assert.Equal(10, read.Count);
        for (var i = 0; i < 10; i++)
        {
            Entries.AssertMatches(1, read[i], i + 1, 1);
        }

        var info = Store.GetGroupInfo(1);
        Assert.Equal((1L, 10L, 1L, 10L), (info.FirstIndex, info.LastIndex, info.LastTerm, info.EntryCount));
    }

    [SpecFact]
    public async Task AppendAsync_GapInIndices_ThrowsAndLeavesLogUnchanged()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 3, term: 1));

        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AppendAsync(1, Entries.Range(1, 5, 1, term: 1)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AppendAsync(1, new[] { Entries.Make(1, 4, 1), Entries.Make(1, 6, 1) }));

        Assert.Equal(3, Store.GetGroupInfo(1).LastIndex);
    }

    [SpecFact]
    public async Task AppendAsync_TermLowerThanLastTerm_Throws()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 2, term: 3));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Store.AppendAsync(1, Entries.Range(1, 3, 1, term: 2)));
    }

    [SpecFact]
    public async Task AppendAsync_EmptyBatchOrTermZero_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AppendAsync(1, Array.Empty<LogEntry>()));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AppendAsync(1, new[] { new LogEntry(1, 0, 0, Array.Empty<byte>()) }));
        Assert.Empty(Store.GetGroupIds());
    }

    [SpecFact]
    public async Task AppendAsync_PipelinedWithoutAwaiting_AllBecomeDurableInOrder()
    {
        var pending = new List<Task>();
        for (var i = 0; i < 50; i++)
        {
            pending.Add(Store.AppendAsync(7, Entries.Range(7, 1 + (i * 4), 4, term: 1 + (i / 10))).AsTask());
        }

        await Task.WhenAll(pending);
        var read = await Store.ReadAsync(7, 1, 201, long.MaxValue);

        Assert.Equal(200, read.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), read.Select(e => e.Index));
        Entries.AssertMatches(7, read[199], 200, 5);
    }

    [SpecFact]
    public async Task ReadAsync_MaxBytes_StopsBeforeBudgetButReturnsAtLeastOne()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 10, term: 1, payloadBytes: 100));

        var three = await Store.ReadAsync(1, 1, 11, maxBytes: 350);
        var one = await Store.ReadAsync(1, 4, 11, maxBytes: 10);
        var zero = await Store.ReadAsync(1, 4, 11, maxBytes: 0);

        Assert.Equal(3, three.Count);
        Assert.Equal(4, Assert.Single(one).Index);
        Assert.Single(zero);
    }

    [SpecFact]
    public async Task ReadAsync_PastEndOrUnknownGroup_ReturnsEmpty()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 3, term: 1));

        Assert.Empty(await Store.ReadAsync(1, 4, 10, long.MaxValue));
        Assert.Empty(await Store.ReadAsync(99, 1, 10, long.MaxValue));
        Assert.Equal(2, (await Store.ReadAsync(1, 2, 100, long.MaxValue)).Count);
    }

    [SpecFact]
    public async Task TruncateSuffixAsync_RemovesSuffix_ThenAcceptsEntriesOfNewTerm()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 10, term: 1));

        await Store.TruncateSuffixAsync(1, 6);
        await Store.AppendAsync(1, Entries.Range(1, 6, 2, term: 2));

        var info = Store.GetGroupInfo(1);
        Assert.Equal((7L, 2L), (info.LastIndex, info.LastTerm));
        var read = await Store.ReadAsync(1, 5, 100, long.MaxValue);
        Entries.AssertMatches(1, read[0], 5, 1);
        Entries.AssertMatches(1, read[1], 6, 2);
        Entries.AssertMatches(1, read[2], 7, 2);
    }

    [SpecFact]
    public async Task TruncateSuffixAsync_PastEnd_DoesNothing()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 3, term: 1));

        await Store.TruncateSuffixAsync(1, 4);

        Assert.Equal(3, Store.GetGroupInfo(1).LastIndex);
    }

    [SpecFact]
    public async Task TruncateSuffixAsync_AtOrBelowCommitIndex_Throws()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 10, term: 1));
        await Store.SaveHardStateAsync(1, new HardState(1, 0, 5));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Store.TruncateSuffixAsync(1, 5));
        await Store.TruncateSuffixAsync(1, 6);

        Assert.Equal(5, Store.GetGroupInfo(1).LastIndex);
    }

    [SpecFact]
    public async Task CompactPrefixAsync_TermMatches_KeepsEntriesAfterIt()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 10, term: 2));

        await Store.CompactPrefixAsync(1, 4, 2);

        var info = Store.GetGroupInfo(1);
        Assert.Equal((5L, 10L, 4L, 2L), (info.FirstIndex, info.LastIndex, info.CompactedIndex, info.CompactedTerm));
        var read = await Store.ReadAsync(1, 5, 11, long.MaxValue);
        Assert.Equal(6, read.Count);
        Entries.AssertMatches(1, read[0], 5, 2);
        await Assert.ThrowsAsync<LogCompactedException>(async () => await Store.ReadAsync(1, 4, 11, long.MaxValue));
    }

    [SpecFact]
    public async Task CompactPrefixAsync_BeyondLastIndex_DiscardsLogAndContinuesAfterSnapshot()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 5, term: 1));

        await Store.CompactPrefixAsync(1, 20, 3);
        await Store.AppendAsync(1, Entries.Range(1, 21, 1, term: 3));

        var info = Store.GetGroupInfo(1);
        Assert.Equal((21L, 21L, 20L, 3L), (info.FirstIndex, info.LastIndex, info.CompactedIndex, info.CompactedTerm));
        Entries.AssertMatches(1, Assert.Single(await Store.ReadAsync(1, 21, 22, long.MaxValue)), 21, 3);
    }

    [SpecFact]
    public async Task CompactPrefixAsync_ConflictingTerm_DiscardsWholeLog()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 10, term: 1));

        await Store.CompactPrefixAsync(1, 5, 2);

        var info = Store.GetGroupInfo(1);
        Assert.Equal((5L, 2L, 0L), (info.LastIndex, info.LastTerm, info.EntryCount));
        Assert.Empty(await Store.ReadAsync(1, 6, 11, long.MaxValue));
    }

    [SpecFact]
    public async Task CompactPrefixAsync_AtOrBelowCompactedIndex_DoesNothing()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 10, term: 1));
        await Store.CompactPrefixAsync(1, 5, 1);

        await Store.CompactPrefixAsync(1, 3, 1);

        Assert.Equal(5, Store.GetGroupInfo(1).CompactedIndex);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Store.TruncateSuffixAsync(1, 5));
    }

    [SpecFact]
    public async Task TryGetTerm_AnswersForLogCompactionPointAndZero()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 3, term: 1));
        await Store.AppendAsync(1, Entries.Range(1, 4, 3, term: 2));
        await Store.CompactPrefixAsync(1, 2, 1);

        Assert.True(Store.TryGetTerm(1, 2, out var atCompaction));
        Assert.True(Store.TryGetTerm(1, 5, out var inLog));
        Assert.False(Store.TryGetTerm(1, 1, out _));
        Assert.False(Store.TryGetTerm(1, 7, out _));
        Assert.True(Store.TryGetTerm(42, 0, out var zero));
        Assert.Equal((1L, 2L, 0L), (atCompaction, inLog, zero));
    }

    [SpecFact]
    public async Task SaveHardStateAsync_ThenGetGroupInfo_ReturnsIt()
    {
        Assert.Equal(HardState.Initial, Store.GetGroupInfo(3).HardState);

        await Store.SaveHardStateAsync(3, new HardState(4, 2, 0));
        await Store.SaveHardStateAsync(3, new HardState(5, null, 0));

        Assert.Equal(new HardState(5, null, 0), Store.GetGroupInfo(3).HardState);
        Assert.Equal([3L], Store.GetGroupIds());
    }

    [SpecFact]
    public async Task SaveHardStateAsync_TermOrCommitGoesBackOrVoteChanges_Throws()
    {
        await Store.SaveHardStateAsync(1, new HardState(5, 1, 10));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Store.SaveHardStateAsync(1, new HardState(4, 1, 10)));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Store.SaveHardStateAsync(1, new HardState(5, 1, 9)));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Store.SaveHardStateAsync(1, new HardState(5, 2, 10)));
        await Store.SaveHardStateAsync(1, new HardState(6, 2, 11));

        Assert.Equal(new HardState(6, 2, 11), Store.GetGroupInfo(1).HardState);
    }

    [SpecFact]
    public async Task Groups_AreIndependent()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 5, term: 1));
        await Store.AppendAsync(2, Entries.Range(2, 1, 3, term: 7));
        await Store.TruncateSuffixAsync(1, 2);
        await Store.SaveHardStateAsync(2, new HardState(7, 0, 3));

        Assert.Equal(1, Store.GetGroupInfo(1).LastIndex);
        Assert.Equal(3, Store.GetGroupInfo(2).LastIndex);
        Assert.Equal(HardState.Initial, Store.GetGroupInfo(1).HardState);
        Entries.AssertMatches(2, (await Store.ReadAsync(2, 3, 4, long.MaxValue))[0], 3, 7);
        Assert.Equal([1L, 2L], Store.GetGroupIds().Order());
    }

    [SpecFact]
    public async Task AppendAsync_ConcurrentFromManyGroups_AllDurableAndIntact()
    {
        const int groups = 16;
        const int batches = 40;
        var writers = Enumerable.Range(1, groups).Select(g => Task.Run(async () =>
        {
            for (var b = 0; b < batches; b++)
            {
                await Store.AppendAsync(g, Entries.Range(g, 1 + (b * 5), 5, term: 1, payloadBytes: 64));
                if (b % 10 == 9)
                {
                    await Store.SaveHardStateAsync(g, new HardState(1, g, b * 5));
                }
            }
        })).ToArray();

        await Task.WhenAll(writers);
        await ReopenAsync();

        for (var g = 1; g <= groups; g++)
        {
            var read = await Store.ReadAsync(g, 1, 1 + (batches * 5), long.MaxValue);
            Assert.Equal(batches * 5, read.Count);
            Entries.AssertMatches(g, read[^1], batches * 5, 1, 64);
            Assert.Equal(new HardState(1, g, 195), Store.GetGroupInfo(g).HardState);
        }
    }

    [SpecFact]
    public async Task ReopenAsync_KeepsEntriesTruncationsCompactionsAndHardStates()
    {
        await Store.AppendAsync(1, Entries.Range(1, 1, 20, term: 1));
        await Store.TruncateSuffixAsync(1, 15);
        await Store.AppendAsync(1, Entries.Range(1, 15, 5, term: 2));
        await Store.CompactPrefixAsync(1, 10, 1);
        await Store.SaveHardStateAsync(1, new HardState(2, 3, 12));
        await Store.CompactPrefixAsync(2, 100, 4);

        await ReopenAsync();

        var info = Store.GetGroupInfo(1);
        Assert.Equal(new LogGroupInfo(1, 11, 19, 2, 10, 1, new HardState(2, 3, 12)), info);
        Assert.Equal(new LogGroupInfo(2, 101, 100, 4, 100, 4, HardState.Initial), Store.GetGroupInfo(2));
        var read = await Store.ReadAsync(1, 11, 20, long.MaxValue);
        Assert.Equal(9, read.Count);
        Entries.AssertMatches(1, read[3], 14, 1);
        Entries.AssertMatches(1, read[4], 15, 2);
        await Store.AppendAsync(1, Entries.Range(1, 20, 1, term: 2));
    }

    [SpecFact]
    public async Task Operations_WithCancelledToken_AreCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.AppendAsync(1, Entries.Range(1, 1, 1, 1), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.SaveHardStateAsync(1, new HardState(1, null, 0), cancelled.Token));

        Assert.Equal(0, Store.GetGroupInfo(1).LastIndex);
    }

    [SpecFact]
    public async Task DisposeAsync_ThenOperations_ThrowObjectDisposed()
    {
        var store = Store;
        await store.DisposeAsync();
        _store = null;

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.AppendAsync(1, Entries.Range(1, 1, 1, 1)));
        Assert.Throws<ObjectDisposedException>(() => store.GetGroupInfo(1));
    }
}
