using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using LithairAkka.Remote.Transport.Diagnostics;
using LithairAkka.Remote.Transport.Protocol;
using LithairAkka.Remote.Transport.Tls;

namespace LithairAkka.Remote.Transport;

/// <remarks>
/// Handshake, both directions, bounded by <c>akka.remote.handshake-timeout</c> (TLS included):
/// <list type="number">
/// <item>TLS with mutual certificate authentication when <c>enable-ssl</c>.</item>
/// <item>Both sides send Hello at once and check the peer's: magic, protocol version, system name, advertised
/// address, uid not quarantined.</item>
/// <item>The initiator sends Auth (its cookie proof). The acceptor verifies it, decides (quarantine, duplicate
/// connection), and answers Accept (with its own proof) or Refuse.</item>
/// <item>The initiator verifies the acceptor's proof and becomes active. Data frames may follow Accept at once.</item>
/// </list>
/// A side that refuses logs one line, counts it, sends Refuse with the reason and closes; a side that reads a
/// Refuse for a reason it could not see itself (the cookie, on the initiator) logs it as reported by the peer.
/// </remarks>
internal sealed partial class Connection
{
    private async Task<HandshakeOutcome> HandshakeAsync()
    {
        var settings = _transport.Settings;
        using var timeout = new CancellationTokenSource(settings.HandshakeTimeout, _transport.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token, timeout.Token);
        var token = linked.Token;
        try
        {
            OpenPipes(await OpenStreamAsync(token).ConfigureAwait(false));
            var localHello = _transport.CreateHello().Encode();
            await WriteControlAsync(localHello, token).ConfigureAwait(false);
            var peerHello = await ReadControlAsync(token).ConfigureAwait(false);
            var refusal = await CheckHelloAsync(peerHello, token).ConfigureAwait(false);
            if (refusal is { } refused)
            {
                return refused;
            }

            var initiatorHello = IsInbound ? peerHello : localHello;
            var acceptorHello = IsInbound ? localHello : peerHello;
            return IsInbound
                ? await AcceptAsync(initiatorHello, acceptorHello, token).ConfigureAwait(false)
                : await InitiateAsync(initiatorHello, acceptorHello, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_cts.IsCancellationRequested)
        {
            return Failed($"handshake timed out after {settings.HandshakeTimeout} (handshake-timeout)");
        }
        catch (OperationCanceledException) when (_superseded)
        {
            return new HandshakeOutcome(HandshakeResult.Duplicate, "superseded by the peer's connection");
        }
        catch (TlsRefusedException e)
        {
            _transport.Metrics.RefusedHandshake();
            RemoteLogMessages.Refused(_transport.Logger, Direction, PeerText, e.Message);
            return new HandshakeOutcome(HandshakeResult.Refused, e.Message);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or OperationCanceledException
            or ObjectDisposedException or HandshakeViolationException)
        {
            var reason = e is AuthenticationException ? $"TLS handshake failed: {e.Message}"
                : e is HandshakeViolationException ? e.Message
                : _closed != 0 ? _closeReason
                : Describe(e);
            if (_transport.Tls is not null && e is not OperationCanceledException && !reason.StartsWith("TLS", StringComparison.Ordinal))
            {
                // With TLS 1.3 a refused client certificate surfaces only as a closed or reset connection.
                reason = (_stream is null ? "TLS handshake failed: " : string.Empty) + reason + " (with TLS on, the peer may not trust this node's certificate)";
            }

            return Failed(reason);
        }
    }

    private async Task<Stream> OpenStreamAsync(CancellationToken token)
    {
        var network = new NetworkStream(_socket, ownsSocket: false);
        if (_transport.Tls is not { } tls)
        {
            return network;
        }

        return IsInbound
            ? await tls.AuthenticateAsServerAsync(network, token).ConfigureAwait(false)
            : await tls.AuthenticateAsClientAsync(network, Association!.Address.Host, token).ConfigureAwait(false);
    }

    private async Task<HandshakeOutcome?> CheckHelloAsync(byte[] body, CancellationToken token)
    {
        if ((ControlKind)body[0] == ControlKind.Refuse)
        {
            return PeerRefused(body);
        }

        var local = _transport.Settings;
        if (!Hello.TryReadVersion(body, out var version))
        {
            return await RefuseAsync(RefuseReason.ProtocolViolation, "not a LithairAkka remoting peer (bad handshake magic)", token).ConfigureAwait(false);
        }

        if (version != local.ProtocolVersion)
        {
            // Another version's layout may differ; use its address for the log line only if it parses.
            if (Hello.TryDecode(body, out var foreign) && foreign is not null)
            {
                _peerDisplay = foreign.Address.ToString();
            }

            return await RefuseAsync(RefuseReason.ProtocolVersion,
                string.Create(CultureInfo.InvariantCulture, $"protocol version mismatch (local {local.ProtocolVersion}, remote {version})"), token).ConfigureAwait(false);
        }

        if (!Hello.TryDecode(body, out var hello) || hello is null)
        {
            return await RefuseAsync(RefuseReason.ProtocolViolation, "malformed handshake", token).ConfigureAwait(false);
        }

        RemoteUid = hello.Uid;
        _peerDisplay = hello.Address.ToString();
        if (IsInbound && hello.Address == _transport.LocalAddress)
        {
            return await RefuseAsync(RefuseReason.SelfAddress, $"the peer advertises this node's own address {hello.Address}", token).ConfigureAwait(false);
        }

        if (!IsInbound && hello.Address != Association!.Address)
        {
            _peerDisplay = Association.Address.ToString();
            return await RefuseAsync(RefuseReason.ProtocolViolation,
                $"the peer at {Association.Address} advertises the address {hello.Address}; use that address (or fix its public-hostname)", token).ConfigureAwait(false);
        }

        if (!string.Equals(hello.SystemName, local.SystemName, StringComparison.Ordinal))
        {
            return await RefuseAsync(RefuseReason.SystemName, $"system name mismatch (local '{local.SystemName}', remote '{hello.SystemName}')", token).ConfigureAwait(false);
        }

        // Only a peer that passed the checks above gets an association object.
        Association ??= _transport.GetOrCreateAssociation(hello.Address);
        if (Association.IsQuarantined(hello.Uid))
        {
            return await RefuseAsync(RefuseReason.Quarantined, $"the peer's incarnation (uid {hello.Uid}) is quarantined", token).ConfigureAwait(false);
        }

        Handle = new AssociationHandle(Association, hello.Uid, IsInbound, hello.MaximumFrameSize);
        return null;
    }

    private async Task<HandshakeOutcome> AcceptAsync(byte[] initiatorHello, byte[] acceptorHello, CancellationToken token)
    {
        var cookie = _transport.Settings.SecureCookie;
        var auth = await ReadControlAsync(token).ConfigureAwait(false);
        if ((ControlKind)auth[0] == ControlKind.Refuse)
        {
            return PeerRefused(auth);
        }

        var expected = ControlMessages.ComputeProof(cookie, isInitiator: true, initiatorHello, acceptorHello);
        if ((ControlKind)auth[0] != ControlKind.Auth || !ControlMessages.ProofMatches(expected, auth.AsSpan(1)))
        {
            return await RefuseAsync(RefuseReason.SecureCookie, "secure cookie mismatch", token).ConfigureAwait(false);
        }

        if (Association!.AdmitInbound(this) is { } decision)
        {
            return decision switch
            {
                RefuseReason.Duplicate => await DeclineDuplicateAsync(token).ConfigureAwait(false),
                RefuseReason.Quarantined => await RefuseAsync(decision, $"the peer's incarnation (uid {RemoteUid}) is quarantined", token).ConfigureAwait(false),
                _ => await RefuseAsync(decision, "this node is shutting down", token).ConfigureAwait(false),
            };
        }

        var proof = ControlMessages.ComputeProof(cookie, isInitiator: false, initiatorHello, acceptorHello);
        await WriteControlAsync(ControlMessages.EncodeProof(ControlKind.Accept, proof), token).ConfigureAwait(false);
        return HandshakeOutcome.Accepted;
    }

    private async Task<HandshakeOutcome> InitiateAsync(byte[] initiatorHello, byte[] acceptorHello, CancellationToken token)
    {
        var cookie = _transport.Settings.SecureCookie;
        var proof = ControlMessages.ComputeProof(cookie, isInitiator: true, initiatorHello, acceptorHello);
        await WriteControlAsync(ControlMessages.EncodeProof(ControlKind.Auth, proof), token).ConfigureAwait(false);
        var verdict = await ReadControlAsync(token).ConfigureAwait(false);
        switch ((ControlKind)verdict[0])
        {
            case ControlKind.Refuse:
                return PeerRefused(verdict);
            case ControlKind.Accept:
                var expected = ControlMessages.ComputeProof(cookie, isInitiator: false, initiatorHello, acceptorHello);
                if (!ControlMessages.ProofMatches(expected, verdict.AsSpan(1)))
                {
                    return await RefuseAsync(RefuseReason.SecureCookie, "secure cookie mismatch (the peer's proof is wrong)", token).ConfigureAwait(false);
                }

                return Association!.ActivateOutbound(this)
                    ? HandshakeOutcome.Accepted
                    : new HandshakeOutcome(HandshakeResult.Duplicate, "superseded by the peer's connection");
            default:
                throw new HandshakeViolationException($"unexpected control frame {verdict[0]} instead of Accept");
        }
    }

    private HandshakeOutcome PeerRefused(byte[] body)
    {
        var (reason, text) = ControlMessages.DecodeReason(body);
        switch (reason)
        {
            case RefuseReason.Duplicate:
                RemoteLogMessages.DuplicateConnection(_transport.Logger, Direction, PeerText, text);
                return new HandshakeOutcome(HandshakeResult.Duplicate, text);
            case RefuseReason.Quarantined:
                _transport.Metrics.RefusedHandshake();
                RemoteLogMessages.QuarantinedByPeer(_transport.Logger, PeerText, _transport.Uid, text);
                return new HandshakeOutcome(HandshakeResult.Quarantined, text);
            case RefuseReason.ShuttingDown:
                return Failed("the peer is shutting down");
            default:
                _transport.Metrics.RefusedHandshake();
                RemoteLogMessages.Refused(_transport.Logger, Direction, PeerText, text + " (reported by the peer)");
                return new HandshakeOutcome(HandshakeResult.Refused, text);
        }
    }

    private async Task<HandshakeOutcome> RefuseAsync(RefuseReason reason, string text, CancellationToken token)
    {
        var result = reason == RefuseReason.Quarantined ? HandshakeResult.Quarantined : HandshakeResult.Refused;
        _transport.Metrics.RefusedHandshake();
        RemoteLogMessages.Refused(_transport.Logger, Direction, PeerText, text);
        await SendVerdictAndDrainAsync(ControlMessages.EncodeReason(ControlKind.Refuse, reason, text), token).ConfigureAwait(false);
        return new HandshakeOutcome(result, text);
    }

    private async Task<HandshakeOutcome> DeclineDuplicateAsync(CancellationToken token)
    {
        const string text = "a connection initiated by the lower address wins";
        RemoteLogMessages.DuplicateConnection(_transport.Logger, Direction, PeerText, text);
        await SendVerdictAndDrainAsync(ControlMessages.EncodeReason(ControlKind.Refuse, RefuseReason.Duplicate, text), token).ConfigureAwait(false);
        return new HandshakeOutcome(HandshakeResult.Duplicate, text);
    }

    // Send the verdict, half-close, and read until the peer closes too: closing a socket with unread input
    // makes TCP send RST, which can destroy the verdict before the peer reads it.
    private async Task SendVerdictAndDrainAsync(byte[] body, CancellationToken token)
    {
        try
        {
            await WriteControlAsync(body, token).ConfigureAwait(false);
            _socket.Shutdown(SocketShutdown.Send);
            using var drain = CancellationTokenSource.CreateLinkedTokenSource(token);
            drain.CancelAfter(TimeSpan.FromSeconds(1));
            while (true)
            {
                var result = await _input!.ReadAsync(drain.Token).ConfigureAwait(false);
                _input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Best effort: the refusal is already logged on this side.
        }
    }

    private async ValueTask WriteControlAsync(byte[] body, CancellationToken token)
    {
        var output = _output!;
        output.Write(ControlMessages.Frame(body));
        await output.FlushAsync(token).ConfigureAwait(false);
    }

    private async ValueTask<byte[]> ReadControlAsync(CancellationToken token)
    {
        var input = _input!;
        while (true)
        {
            var result = await input.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (FrameHeader.TryRead(buffer, out var isControl, out var length))
            {
                if (!isControl || length == 0 || length > FrameHeader.MaxControlBodySize)
                {
                    input.AdvanceTo(buffer.Start);
                    throw new HandshakeViolationException(isControl
                        ? $"handshake frame of {length} bytes is malformed"
                        : "the peer sent data before finishing the handshake (not a LithairAkka remoting peer?)");
                }

                if (buffer.Length >= FrameHeader.Size + length)
                {
                    var body = buffer.Slice(FrameHeader.Size, length).ToArray();
                    input.AdvanceTo(buffer.GetPosition(FrameHeader.Size + length));
                    return body;
                }
            }

            if (result.IsCompleted)
            {
                input.AdvanceTo(buffer.End);
                throw new HandshakeViolationException("the peer closed the connection during the handshake");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private HandshakeOutcome Failed(string reason)
    {
        if (IsInbound)
        {
            RemoteLogMessages.InboundHandshakeFailed(_transport.Logger, EndPointText, reason);
        }

        return new HandshakeOutcome(HandshakeResult.Failed, reason);
    }
}
