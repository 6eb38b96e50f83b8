using System.Diagnostics.CodeAnalysis;
using LithairAkka.Actors.Event;

namespace LithairAkka.Persistence;

/// <summary>
/// Counts the operations a plugin actor started and disposes the plugin once the actor stopped and the last of them
/// ended, so that a stopping system never disposes a connection under a running write. Thread-safe.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The cancellation source is disposed right after the plugin, once the last operation ended.")]
internal sealed class PluginLifetime(string pluginId, IAsyncDisposable plugin, ILoggingAdapter log)
{
    private readonly CancellationTokenSource _cancellation = new();
    private int _running;
    private int _stopping;
    private int _disposed;

    /// <summary>Cancelled when the hosting actor stops; read it on the actor's thread when starting an operation.</summary>
    public CancellationToken Stopping => _cancellation.Token;

    /// <summary>Registers an operation; call on the actor's thread before starting it.</summary>
    public void Begin() => Interlocked.Increment(ref _running);

    /// <summary>Ends an operation; any thread.</summary>
    public void End()
    {
        if (Interlocked.Decrement(ref _running) == 0 && Volatile.Read(ref _stopping) == 1)
        {
            DisposeOnce();
        }
    }

    /// <summary>Called when the hosting actor stops: cancels running operations and disposes after the last one.</summary>
    public void Stop()
    {
        Volatile.Write(ref _stopping, 1);
        _cancellation.Cancel();
        if (Volatile.Read(ref _running) == 0)
        {
            DisposeOnce();
        }
    }

    private void DisposeOnce()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = DisposeAsync();
        }
    }

    private async Task DisposeAsync()
    {
        try
        {
            await plugin.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.Warning(e, "Disposing persistence plugin {PluginId} failed", pluginId);
        }
        finally
        {
            _cancellation.Dispose();
        }
    }
}
