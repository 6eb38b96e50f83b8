using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.CrashHost;

/// <summary>The store settings the crash host and its checker share: small segments, so rotation and deletion happen.</summary>
public static class CrashOptions
{
    /// <summary>Options for a store in <paramref name="directory"/>.</summary>
    /// <param name="directory">The store's directory.</param>
    /// <returns>Options with 256 KiB segments and frequent checkpoints.</returns>
    public static FileLogStoreOptions For(string directory) => new(directory)
    {
        SegmentSize = 256 << 10,
        CheckpointIntervalBytes = 512 << 10,
    };
}
