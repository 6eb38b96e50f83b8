namespace LithairAkka.Benchmarks.LogStore;

/// <summary>A scratch directory for a benchmark, on the same disk as the repository's temp folder.</summary>
internal static class BenchmarkDirectory
{
    /// <summary>Creates an empty directory named after <paramref name="purpose"/>.</summary>
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lithair-bench-{purpose}-{Environment.ProcessId}");
        Delete(path);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes the directory if present.</summary>
    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
