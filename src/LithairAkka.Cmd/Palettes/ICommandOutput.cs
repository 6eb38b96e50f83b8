namespace LithairAkka.Cmd.Palettes;

/// <summary>Where a running command writes its output; each write reaches the client at once (streaming).</summary>
public interface ICommandOutput
{
    /// <summary>Sends <paramref name="output"/> to the client. Thread-safe: concurrent writes are sent one after the other.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled (the client cancelled or left).</exception>
    ValueTask WriteAsync(CommandOutput output, CancellationToken token);
}
