using BenchmarkDotNet.Attributes;
using LithairAkka.Persistence.Log;
using Microsoft.Win32.SafeHandles;

namespace LithairAkka.Benchmarks.LogStore;

/// <summary>
/// The physical baseline: a bare positional write of the bytes one log-store append produces (entries of 256 bytes
/// plus the 40-byte record header) followed by fdatasync (the store's own P/Invoke wrapper), on the same disk. Appending grows the file (fdatasync must
/// also write the size); overwriting a zero-filled file is the layout the store uses.
/// </summary>
public class RawFlushBenchmarks
{
    private const int RecordBytes = 256 + 40;
    private const long FileBytes = 64L << 20;

    private string _directory = string.Empty;
    private SafeFileHandle? _handle;
    private byte[] _buffer = [];
    private long _offset;

    /// <summary>Entries per write.</summary>
    [Params(1, 100)]
    public int BatchSize { get; set; }

    /// <summary>Whether the file is zero-filled ahead (overwrite) or grows with each write (append).</summary>
    [Params(false, true)]
    public bool Preallocated { get; set; }

    /// <summary>Creates the file.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = BenchmarkDirectory.Create("raw");
        _buffer = new byte[BatchSize * RecordBytes];
        new Random(1).NextBytes(_buffer);
        OpenFile();
    }

    /// <summary>Deletes the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _handle!.Dispose();
        BenchmarkDirectory.Delete(_directory);
    }

    /// <summary>One write and one fdatasync.</summary>
    [Benchmark]
    public void WriteAndFlush()
    {
        if (_offset + _buffer.Length > FileBytes)
        {
            // A grown file is recreated (appending must keep growing it); a zero-filled one is overwritten again.
            if (Preallocated)
            {
                _offset = 0;
            }
            else
            {
                _handle!.Dispose();
                OpenFile();
            }
        }

        RandomAccess.Write(_handle!, _buffer, _offset);
        _offset += _buffer.Length;
        NativeMethods.FlushData(_handle!);
    }

    private void OpenFile()
    {
        var path = Path.Combine(_directory, "raw.dat");
        File.Delete(path);
        _handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite);
        if (Preallocated)
        {
            var zeros = new byte[1 << 20];
            for (long at = 0; at < FileBytes; at += zeros.Length)
            {
                RandomAccess.Write(_handle, zeros, at);
            }

            RandomAccess.FlushToDisk(_handle);
        }

        _offset = 0;
    }
}
