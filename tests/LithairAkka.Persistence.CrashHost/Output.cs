namespace LithairAkka.Persistence.CrashHost;

/// <summary>Whole lines to standard output, flushed at once, never interleaved.</summary>
public sealed class Output
{
    private readonly Lock _lock = new();
    private readonly TextWriter _out = Console.Out;

    /// <summary>Writes one line and flushes it.</summary>
    /// <param name="line">The text, without newline.</param>
    public void Line(string line)
    {
        lock (_lock)
        {
            _out.Write(line + ";\n");
            _out.Flush();
        }
    }
}
