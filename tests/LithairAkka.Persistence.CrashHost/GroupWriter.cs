using System.Globalization;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.CrashHost;

/// <summary>
/// Drives one group like a Raft node would: appends batches, now and then truncates a suffix and moves to a new
/// term, advances the commit index, and compacts behind it. Operations on a group are sequential; groups run
/// concurrently, so their operations share group-commit rounds. A quiet writer commits and compacts what it has,
/// appends a few entries and stops: an idle group whose old entries the store must relocate to free segments.
/// </summary>
public sealed class GroupWriter(ILogStore store, long group, Random random, Output output, bool quiet)
{
    private long _last;
    private long _lastTerm;
    private HardState _hard;
    private long _compacted;

    /// <summary>Runs until the process dies.</summary>
    /// <returns>A task that never completes normally.</returns>
    public async Task RunAsync()
    {
        await Task.Yield();
        var info = store.GetGroupInfo(group);
        (_last, _lastTerm, _hard, _compacted) = (info.LastIndex, info.LastTerm, info.HardState, info.CompactedIndex);
        if (_hard.Term == 0)
        {
            await SaveAsync(new HardState(1, group % 3, _hard.CommitIndex));
        }

        if (quiet)
        {
            await SettleAsync();
            return;
        }

        while (true)
        {
            var dice = random.Next(100);
            var floor = Math.Max(_hard.CommitIndex, _compacted);
            if (dice < 5 && _last > floor + 1)
            {
                var from = floor + 1 + random.NextInt64(_last - floor);
                await Do($"T {group} {from}", () => store.TruncateSuffixAsync(group, from));
                _last = from - 1;
                store.TryGetTerm(group, _last, out _lastTerm);
                await SaveAsync(new HardState(_hard.Term + 1, null, _hard.CommitIndex));
            }
            else if (dice < 12 && _last > _hard.CommitIndex)
            {
                var commit = _hard.CommitIndex + 1 + random.NextInt64(_last - _hard.CommitIndex);
                await SaveAsync(_hard with { CommitIndex = commit });
            }
            else if (dice < 15 && _hard.CommitIndex > _compacted && store.TryGetTerm(group, _hard.CommitIndex, out var term))
            {
                var upTo = _hard.CommitIndex;
                await Do($"C {group} {upTo} {term}", () => store.CompactPrefixAsync(group, upTo, term));
                _compacted = upTo;
            }
            else
            {
                var count = random.Next(100) < 10 ? 50 + random.Next(150) : 1 + random.Next(20);
                var entryTerm = Math.Max(_hard.Term, _lastTerm);
                var batch = new LogEntry[count];
                for (var i = 0; i < count; i++)
                {
                    batch[i] = CrashPayload.Make(group, _last + 1 + i, entryTerm);
                }

                await Do($"A {group} {_last + 1} {count} {entryTerm}", () => store.AppendAsync(group, batch));
                _last += count;
                _lastTerm = entryTerm;
            }
        }
    }

    private async Task SettleAsync()
    {
        if (_last > _hard.CommitIndex)
        {
            await SaveAsync(_hard with { CommitIndex = _last });
        }

        if (_hard.CommitIndex > _compacted && store.TryGetTerm(group, _hard.CommitIndex, out var term))
        {
            var upTo = _hard.CommitIndex;
            await Do($"C {group} {upTo} {term}", () => store.CompactPrefixAsync(group, upTo, term));
        }

        var entryTerm = Math.Max(_hard.Term, _lastTerm);
        var batch = new[] { CrashPayload.Make(group, _last + 1, entryTerm) };
        await Do($"A {group} {_last + 1} 1 {entryTerm}", () => store.AppendAsync(group, batch));
    }

    private async Task SaveAsync(HardState state)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"H {group} {state.Term} {state.VotedFor?.ToString(CultureInfo.InvariantCulture) ?? "-"} {state.CommitIndex}");
        await Do(text, () => store.SaveHardStateAsync(group, state));
        _hard = state;
    }

    private async Task Do(string operation, Func<ValueTask> action)
    {
        output.Line("I " + operation);
        await action();
        output.Line("D " + operation);
    }
}
