using System.Globalization;
using LithairAkka.Persistence.Log;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Persistence.Sql.Log;

/// <content>Opening: rebuilds the in-memory index (bounds and terms) from the tables and checks every row.</content>
public sealed partial class SqlLogStore
{
    private async Task RecoverAsync(CancellationToken token)
    {
        var started = _options.Time.GetTimestamp();
        foreach (var row in await _tables.LoadGroupsAsync(token).ConfigureAwait(false))
        {
            var group = new GroupLog(row.GroupId);
            group.CompactTo(row.CompactedIndex, row.CompactedTerm, keepSuffix: false);
            group.Bounds.HardState = row.HardState;
            _groups[row.GroupId] = group;
        }

        long entries = 0;
        var verify = _options.VerifyOnOpen;
        await _tables.LoadEntriesAsync(verify, row =>
        {
            var group = _groups.GetOrAdd(row.GroupId, static id => new GroupLog(id));
            if (verify && row.ComputeChecksum() is var computed && computed != row.Checksum)
            {
                throw Corruption(row, "entry checksum mismatch", row.Checksum, computed);
            }

            if (row.Index <= group.Bounds.CompactedIndex)
            {
                throw Corruption(row, Format($"entry {row.Index} is stored behind the compaction point {group.Bounds.CompactedIndex}"));
            }

            if (row.Index != group.Bounds.LastIndex + 1)
            {
                throw Corruption(row, Format($"entry {group.Bounds.LastIndex + 1} is missing (the next stored entry is {row.Index})"));
            }

            if (row.Term < group.Bounds.LastTerm)
            {
                throw Corruption(row, Format($"entry {row.Index} has term {row.Term}, lower than the preceding term {group.Bounds.LastTerm}"));
            }

            group.TryAppend(row.Index, new EntryLocation(row.Term, 0, 0, 0), recovering: false);
            entries++;
        }, token).ConfigureAwait(false);

        _options.Logger.LogInformation(
            "Log store {Location} opened: {Groups} groups, {Entries} entries{Verified} in {Elapsed} ms.",
            _tables.Location,
            _groups.Count,
            entries,
            verify ? ", every checksum verified," : string.Empty,
            (long)_options.Time.GetElapsedTime(started).TotalMilliseconds);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
