using System.Globalization;

namespace LithairAkka.Chaos.Nemesis;

/// <summary>
/// Runs a node with a skewed wall clock through libfaketime (Debian package <c>faketime</c>): the library is preloaded
/// with <c>LD_PRELOAD</c> so that <c>clock_gettime(CLOCK_REALTIME)</c>, and so <c>DateTimeOffset.UtcNow</c> and
/// <c>TimeProvider.System.GetUtcNow()</c>, run <c>FAKETIME</c> ahead or behind, while the monotonic clock (timers,
/// <c>Stopwatch</c>, Raft's ticks) stays real.
/// </summary>
/// <remarks>
/// Two settings matter for .NET. <c>FAKETIME_DONT_FAKE_MONOTONIC=1</c> keeps <c>CLOCK_MONOTONIC</c> real.
/// <c>FAKETIME_FORCE_MONOTONIC_FIX=0</c> turns off the "monotonic fix" that libfaketime 0.9.10 enables by itself on
/// glibc ≥ 2.3x: with it on, the runtime's timed waits (<c>pthread_cond_timedwait</c> on monotonic condition
/// variables, under every .NET timer and wait handle) are converted as if they were wall-clock deadlines, and a node
/// under libfaketime, even with a zero offset, lost Raft leadership within seconds of winning it (measured here on a
/// 3-node cluster: nearly every leadership transfer to it was followed by a new election within 1 to 4 s; with the fix
/// off it kept leadership in all 10 transfers tried, at offsets 0, −75 s and +90 s). The
/// multi-threaded build (<c>libfaketimeMT.so.1</c>) is used because the runtime reads the clock from many threads.
/// Stateless; thread-safe.
/// </remarks>
public static class LibFaketime
{
    private static readonly string[] Directories =
    [
        "/usr/lib/x86_64-linux-gnu/faketime",
        "/usr/lib/aarch64-linux-gnu/faketime",
        "/usr/lib64/faketime",
        "/usr/lib/faketime",
        "/usr/local/lib/faketime",
    ];

    /// <summary>The multi-threaded library's path, or <see langword="null"/> when libfaketime is not installed.</summary>
    /// <returns>The path.</returns>
    public static string? Find() =>
        Directories.Select(d => Path.Combine(d, "libfaketimeMT.so.1")).FirstOrDefault(File.Exists);

    /// <summary>
    /// The command prefix for <c>LITHAIR_NODE_PREFIX</c> of <c>ops/cluster.sh</c> that starts a node with its wall clock
    /// moved by <paramref name="offset"/> (whole seconds): <c>env LD_PRELOAD=… FAKETIME=+90s …</c>. <c>env</c> execs
    /// the node, so the recorded pid is the node's own.
    /// </summary>
    /// <param name="library">The library path (<see cref="Find"/>).</param>
    /// <param name="offset">How far the node's wall clock runs ahead (positive) or behind (negative).</param>
    /// <returns>The prefix.</returns>
    public static string Prefix(string library, TimeSpan offset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(library);
        var seconds = (long)Math.Round(offset.TotalSeconds);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"env LD_PRELOAD={library} FAKETIME={(seconds >= 0 ? "+" : "-")}{Math.Abs(seconds)}s FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0");
    }
}
