using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LithairAkka.Persistence.Log;

/// <summary>
/// The two flushes .NET does not offer: <c>fdatasync</c> (data and the metadata needed to read it, without the
/// timestamps that <c>fsync</c>, which <see cref="RandomAccess.FlushToDisk"/> calls, also writes) and the
/// <c>fsync</c> of a directory that makes a created, renamed or deleted file name durable.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>Makes the written data of <paramref name="handle"/> durable.</summary>
    public static void FlushData(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(handle);
            return;
        }

        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (FDataSync((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"fdatasync failed with errno {Marshal.GetLastPInvokeError()}.");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Makes the entries of directory <paramref name="path"/> durable (a no-op where not needed).</summary>
    public static void FlushDirectory(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            // NTFS journals directory changes with the file's own metadata.
            return;
        }

        var fd = Open(path, 0);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{path}' to flush it: errno {Marshal.GetLastPInvokeError()}.");
        }

        try
        {
            if (FSync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{path}' failed with errno {Marshal.GetLastPInvokeError()}.");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int FDataSync(int fd);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
