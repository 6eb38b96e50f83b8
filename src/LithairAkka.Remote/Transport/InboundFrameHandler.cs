using System.Buffers;

namespace LithairAkka.Remote.Transport;

/// <summary>
/// Receives every inbound data frame of a <see cref="RemoteTransport"/>.
/// </summary>
/// <param name="from">The association (one remote incarnation) the frame arrived on; reply through it.</param>
/// <param name="payload">
/// The frame's payload, without the length prefix, sliced directly out of the connection's receive pipe
/// (no copy). <b>Ownership:</b> the memory is only valid until the handler returns; the transport reuses it
/// right after. A handler that keeps the bytes must copy them (for example into an
/// <see cref="ArrayPool{T}"/> buffer) or deserialize them before returning.
/// </param>
/// <remarks>
/// The handler runs on the connection's read loop: frames of one association arrive one at a time, in the
/// order the peer sent them; frames of different associations may arrive concurrently. It must not block:
/// while it runs, that connection reads nothing. An exception it throws is logged and the frame is
/// discarded; the connection stays up.
/// </remarks>
public delegate void InboundFrameHandler(AssociationHandle from, ReadOnlySequence<byte> payload);
