namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>
/// The built-in state machine: a versioned key-value map. Writes are <see cref="KvPut"/> and <see cref="KvDelete"/>
/// (optionally conditional on the key's version, 0 meaning "absent"); queries are <see cref="KvGet"/> and
/// <see cref="KvList"/>. A key's version starts at 1 and grows by one with each put; a delete removes it.
/// </summary>
/// <remarks>Single-threaded (actor). Snapshots list the keys in ordinal order, so equal states give equal bytes.</remarks>
public sealed class KeyValueStateMachine : StateMachineActor
{
    private readonly SortedDictionary<string, Item> _items = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override byte[] Apply(ReadOnlyMemory<byte> command)
    {
        KvResult result = KvCommand.Decode(command) switch
        {
            KvPut put => Put(put),
            KvDelete delete => Delete(delete),
            var other => throw new InvalidDataException($"Unsupported command {other.GetType().Name}."),
        };
        return result.Encode();
    }

    /// <inheritdoc />
    protected override object Query(object query) => query switch
    {
        KvGet get => _items.TryGetValue(get.Key, out var item)
            ? new KvEntry(get.Key, item.Value, item.Version)
            : new KvEntry(get.Key, ReadOnlyMemory<byte>.Empty, 0),
        KvList list => List(list),
        _ => base.Query(query),
    };

    /// <inheritdoc />
    protected override void WriteState(BinaryWriter output)
    {
        output.Write7BitEncodedInt(_items.Count);
        foreach (var (key, item) in _items)
        {
            output.Write(key);
            output.Write7BitEncodedInt64(item.Version);
            output.Write7BitEncodedInt(item.Value.Length);
            output.Write(item.Value);
        }
    }

    /// <inheritdoc />
    protected override void ReadState(BinaryReader input)
    {
        _items.Clear();
        var count = input.Read7BitEncodedInt();
        for (var i = 0; i < count; i++)
        {
            var key = input.ReadString();
            var version = input.Read7BitEncodedInt64();
            _items[key] = new Item(input.ReadBytes(input.Read7BitEncodedInt()), version);
        }
    }

    private long VersionOf(string key) => _items.TryGetValue(key, out var item) ? item.Version : 0;

    private KvResult Put(KvPut put)
    {
        var current = VersionOf(put.Key);
        if (put.IfVersion is { } expected && expected != current)
        {
            return new KvVersionMismatch(current);
        }

        _items[put.Key] = new Item(put.Value.ToArray(), current + 1);
        return new KvWritten(current + 1);
    }

    private KvResult Delete(KvDelete delete)
    {
        var current = VersionOf(delete.Key);
        if (delete.IfVersion is { } expected && expected != current)
        {
            return new KvVersionMismatch(current);
        }

        return new KvDeleted(_items.Remove(delete.Key));
    }

    private KvListing List(KvList list)
    {
        var limit = Math.Max(1, list.Limit);
        var entries = new List<KvEntry>();
        var truncated = false;
        foreach (var (key, item) in _items.Where(p => p.Key.StartsWith(list.Prefix, StringComparison.Ordinal)))
        {
            if (entries.Count == limit)
            {
                truncated = true;
                break;
            }

            entries.Add(new KvEntry(key, item.Value, item.Version));
        }

        return new KvListing(entries, truncated);
    }

    private sealed record Item(byte[] Value, long Version);
}
