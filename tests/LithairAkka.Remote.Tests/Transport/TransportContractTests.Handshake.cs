using LithairAkka.Remote.Tests.Transport.Support;
using LithairAkka.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Tests.Transport;

public abstract partial class TransportContractTests
{
    [Fact]
    public async Task Handshake_SecureCookieMismatch_RefusedWithOneClearLineOnEachSide()
    {
        var a = await StartAsync(s => s with { SecureCookie = "alpha-secret" });
        var b = await StartAsync(s => s with { SecureCookie = "bravo-secret" });

        a.Transport.TrySend(b.Address, "never"u8);

        await Eventually.HoldsAsync(
            () => a.Transport.Statistics.RefusedHandshakes >= 1 && b.Transport.Statistics.RefusedHandshakes >= 1, "both sides refused");
        Assert.True(b.Logs.Contains(LogLevel.Warning, $"Refused association from {a.Address}: secure cookie mismatch"), b.Logs.Dump());
        Assert.True(a.Logs.Contains(LogLevel.Warning, $"Refused association to {b.Address}: secure cookie mismatch"), a.Logs.Dump());
        Assert.DoesNotContain(b.Logs.Lines, l => l.Message.Contains("bravo-secret", StringComparison.Ordinal) || l.Message.Contains("alpha-secret", StringComparison.Ordinal));
        Assert.Empty(a.EventsOf<AssociatedEvent>());
        Assert.Empty(b.EventsOf<AssociatedEvent>());
        Assert.Equal(0, b.ReceivedCount);
    }

    [Fact]
    public async Task Handshake_SameCookie_Associates()
    {
        var a = await StartAsync(s => s with { SecureCookie = "shared" });
        var b = await StartAsync(s => s with { SecureCookie = "shared" });

        await AssociateAsync(a, b);

        Assert.Equal(0, a.Transport.Statistics.RefusedHandshakes);
    }

    [Fact]
    public async Task Handshake_SystemNameMismatch_RefusedOnBothSides()
    {
        var a = await StartAsync(s => s with { SystemName = "alpha" });
        var b = await StartAsync(s => s with { SystemName = "bravo" });

        a.Transport.TrySend(b.Address, "never"u8);

        await Eventually.HoldsAsync(
            () => a.Transport.Statistics.RefusedHandshakes >= 1 && b.Transport.Statistics.RefusedHandshakes >= 1, "both sides refused");
        Assert.True(b.Logs.Contains(LogLevel.Warning, $"Refused association from {a.Address}: system name mismatch (local 'bravo', remote 'alpha')"), b.Logs.Dump());
        Assert.True(a.Logs.Contains(LogLevel.Warning, $"Refused association to {b.Address}: system name mismatch (local 'alpha', remote 'bravo')"), a.Logs.Dump());
        Assert.Empty(a.EventsOf<AssociatedEvent>());
        Assert.Empty(b.EventsOf<AssociatedEvent>());
    }

    [Fact]
    public async Task Handshake_ProtocolVersionMismatch_RefusedOnBothSides()
    {
        var a = await StartAsync(s => s with { ProtocolVersion = 2 });
        var b = await StartAsync();

        a.Transport.TrySend(b.Address, "never"u8);

        await Eventually.HoldsAsync(
            () => a.Transport.Statistics.RefusedHandshakes >= 1 && b.Transport.Statistics.RefusedHandshakes >= 1, "both sides refused");
        Assert.True(b.Logs.Contains(LogLevel.Warning, $"Refused association from {a.Address}: protocol version mismatch (local 1, remote 2)"), b.Logs.Dump());
        Assert.True(a.Logs.Contains(LogLevel.Warning, $"Refused association to {b.Address}: protocol version mismatch (local 2, remote 1)"), a.Logs.Dump());
        Assert.Empty(b.EventsOf<AssociatedEvent>());
    }

    [Fact]
    public async Task Handshake_PeerThatSaysNothing_ClosedAfterHandshakeTimeout()
    {
        var b = await StartAsync(s => s with { HandshakeTimeout = TimeSpan.FromMilliseconds(300) });

        // Not even a TLS hello: the timeout covers TLS too, and a silent raw socket cannot race it.
        await using var raw = await RawPeer.ConnectAsync(EndPoint(b), stream => Task.FromResult(stream));

        await raw.ReadUntilClosedAsync(TimeSpan.FromSeconds(10));

        await Eventually.HoldsAsync(() => b.Logs.Count("handshake timed out") == 1, "timeout logged");
        await Eventually.HoldsAsync(() => b.Transport.Statistics.OpenConnections == 0, "connection closed");
    }

    [Fact]
    public async Task Handshake_PeerAdvertisingAnotherAddress_IsRefused()
    {
        var a = await StartAsync();
        var b = await StartAsync(s => s with { PublicHostname = "localhost" });
        var dialed = new RemoteAddress("127.0.0.1", b.Address.Port);

        a.Transport.TrySend(dialed, "never"u8);

        await Eventually.HoldsAsync(() => a.Transport.Statistics.RefusedHandshakes >= 1, "refused");
        Assert.True(a.Logs.Contains(LogLevel.Warning, $"advertises the address {b.Address}"), a.Logs.Dump());
        Assert.Empty(a.EventsOf<AssociatedEvent>());
    }
}
