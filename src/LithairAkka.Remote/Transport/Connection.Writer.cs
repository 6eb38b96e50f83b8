using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using LithairAkka.Remote.Transport.Diagnostics;
using LithairAkka.Remote.Transport.Protocol;

namespace LithairAkka.Remote.Transport;

internal sealed partial class Connection
{
    // Flush early when a batch grows past this, to bound memory and keep latency sane under a flood.
    private const int FlushThreshold = 256 * 1024;

    // The only reader of the association's queue while this connection is active (the previous connection's
    // writer is awaited first). It copies everything queued into the pipe and flushes once per batch, so
    // many small frames leave in one syscall.
    private async Task WriteLoopAsync()
    {
        var output = _output!;
        var token = _cts.Token;
        var association = Association!;
        var queue = association.Outbound;
        var uid = RemoteUid;
        var peerMaximum = Handle!.PeerMaximumFrameSize;
        var metrics = _transport.Metrics;
        long frames = 0;
        long bytes = 0;
        try
        {
            if (PreviousWriter is { } previous)
            {
                await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                PreviousWriter = null;
            }

            if (IsClosed)
            {
                return;
            }

            while (await queue.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (queue.TryRead(out var frame))
                {
                    try
                    {
                        if (frame.ExpectedUid != 0 && frame.ExpectedUid != uid)
                        {
                            if (frame.Control is null)
                            {
                                metrics.DroppedQuarantined();
                            }

                            continue;
                        }

                        if (frame.Control is { } kind)
                        {
                            output.Write(frame.Buffer.AsSpan(0, frame.Length));
                            if (kind == ControlKind.Disassociate)
                            {
                                await SayGoodbyeAsync(output, token).ConfigureAwait(false);
                                return;
                            }

                            continue;
                        }

                        if (frame.PayloadLength > peerMaximum)
                        {
                            metrics.DroppedOversized();
                            RemoteLogMessages.OversizedForPeer(_transport.Logger, PeerText, frame.PayloadLength, peerMaximum);
                            continue;
                        }

                        if (!await ApplyFaultsAsync(frame, output, token).ConfigureAwait(false))
                        {
                            continue;
                        }

                        output.Write(frame.Buffer.AsSpan(0, frame.Length));
                        frames++;
                        bytes += frame.Length;
                    }
                    finally
                    {
                        frame.Release();
                    }

                    if (output.UnflushedBytes >= FlushThreshold && !await FlushAsync(output, token).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                if (!await FlushAsync(output, token).ConfigureAwait(false))
                {
                    return;
                }

                metrics.FramesSent(frames, bytes);
                frames = 0;
                bytes = 0;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Closed by the reader, a replacement, quarantine or shutdown.
        }
        catch (Exception e)
        {
            Close("write failed: " + Describe(e));
        }
        finally
        {
            if (frames > 0)
            {
                metrics.FramesSent(frames, bytes);
            }

            _writerDone.TrySetResult();
        }
    }

    /// <summary>Fault injection on the write side; false when the frame vanishes. A delay keeps order: frames are
    /// FIFO and the delay is fixed, so waiting on the head frame delays exactly the frames behind it.</summary>
    private async ValueTask<bool> ApplyFaultsAsync(OutboundFrame frame, PipeWriter output, CancellationToken token)
    {
        var faults = _transport.Faults;
        if (!faults.IsActive || faults.Find(Association!.Address) is not { } rule)
        {
            return true;
        }

        if (rule.IsBlackholed(outbound: true))
        {
            _transport.Metrics.FaultDropped();
            return false;
        }

        if (rule.Delay > TimeSpan.Zero && frame.EnqueuedAt != 0)
        {
            var wait = rule.Delay - _transport.Time.GetElapsedTime(frame.EnqueuedAt);
            if (wait > TimeSpan.Zero)
            {
                await FlushAsync(output, token).ConfigureAwait(false);
                await Task.Delay(wait, _transport.Time, token).ConfigureAwait(false);
            }
        }

        return true;
    }

    private static async ValueTask<bool> FlushAsync(PipeWriter output, CancellationToken token)
    {
        var result = await output.FlushAsync(token).ConfigureAwait(false);
        return !result.IsCanceled && !result.IsCompleted;
    }

    // Shutdown: the goodbye goes after every frame queued before it; then half-close and let the read loop
    // see the peer close its side (bounded by the transport's flush-wait-on-shutdown).
    private async Task SayGoodbyeAsync(PipeWriter output, CancellationToken token)
    {
        await output.FlushAsync(token).ConfigureAwait(false);
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            Close("the socket failed while saying goodbye");
        }
    }
}
