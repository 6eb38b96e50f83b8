using System.Buffers;
using System.Globalization;
using LithairAkka.Remote.Transport.Diagnostics;
using LithairAkka.Remote.Transport.Protocol;

namespace LithairAkka.Remote.Transport;

internal sealed partial class Connection
{
    // Parses frames straight out of the pipe's buffers and hands each payload slice to the inbound handler
    // (no copy). A header announcing more than maximum-frame-size is never waited for nor allocated: the
    // peer is broken or hostile, and the connection closes.
    private async Task ReadLoopAsync()
    {
        var input = _input!;
        var token = _cts.Token;
        while (true)
        {
            var result = await input.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            var violation = ParseFrames(ref buffer, out var frames, out var bytes);
            input.AdvanceTo(buffer.Start, buffer.End);
            if (frames > 0)
            {
                _transport.Metrics.FramesReceived(frames, bytes);
            }

            if (violation is not null)
            {
                RemoteLogMessages.ProtocolViolation(_transport.Logger, PeerText, violation);
                Close(violation);
                return;
            }

            if (_closed != 0)
            {
                return;
            }

            if (result.IsCompleted)
            {
                Close(buffer.IsEmpty ? "the peer closed the connection" : "the peer closed the connection in the middle of a frame");
                return;
            }
        }
    }

    private string? ParseFrames(ref ReadOnlySequence<byte> buffer, out long frames, out long bytes)
    {
        frames = 0;
        bytes = 0;
        var maximum = _transport.Settings.MaximumFrameSize;
        while (FrameHeader.TryRead(buffer, out var isControl, out var length))
        {
            if (isControl ? length is 0 or > FrameHeader.MaxControlBodySize : length > maximum)
            {
                return isControl
                    ? string.Create(CultureInfo.InvariantCulture, $"malformed control frame of {length} bytes")
                    : string.Create(CultureInfo.InvariantCulture, $"inbound frame header announces {length} bytes, over maximum-frame-size ({maximum} bytes)");
            }

            if (buffer.Length < FrameHeader.Size + length)
            {
                return null;
            }

            var body = buffer.Slice(FrameHeader.Size, length);
            buffer = buffer.Slice(body.End);
            if (isControl)
            {
                if (!OnControlFrame(body))
                {
                    return null;
                }
            }
            else
            {
                frames++;
                bytes += FrameHeader.Size + length;
                Deliver(body);
            }
        }

        return null;
    }

    private void Deliver(ReadOnlySequence<byte> payload)
    {
        var handle = Handle!;
        if (handle.IsQuarantined)
        {
            _transport.Metrics.DroppedQuarantined();
            return;
        }

        var faults = _transport.Faults;
        if (faults.IsActive && faults.Find(handle.RemoteAddress) is { } rule && rule.ShouldDrop(outbound: false))
        {
            _transport.Metrics.FaultDropped();
            return;
        }

        try
        {
            _transport.FrameHandler(handle, payload);
        }
        catch (Exception e)
        {
            RemoteLogMessages.HandlerFailed(_transport.Logger, e, PeerText);
        }
    }

    /// <summary>Handles a control frame after the handshake; false when the connection must stop reading.</summary>
    private bool OnControlFrame(ReadOnlySequence<byte> body)
    {
        var bytes = body.ToArray();
        switch ((ControlKind)bytes[0])
        {
            case ControlKind.Ping:
                return true;
            case ControlKind.Disassociate:
                var (reason, text) = ControlMessages.DecodeReason(bytes);
                if (reason == RefuseReason.Quarantined)
                {
                    RemoteLogMessages.QuarantinedByPeer(_transport.Logger, PeerText, _transport.Uid, text);
                }

                Close("disassociated by the peer: " + text);
                return false;
            default:
                var violation = string.Create(CultureInfo.InvariantCulture, $"unexpected control frame {bytes[0]} after the handshake");
                RemoteLogMessages.ProtocolViolation(_transport.Logger, PeerText, violation);
                Close(violation);
                return false;
        }
    }
}
