using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote.Tests.Transport;

/// <summary>The transport contract over plain TCP.</summary>
public sealed class PlainTcpTransportTests : TransportContractTests
{
    protected override RemoteTransportSettings Secure(RemoteTransportSettings settings, int nodeIndex) => settings;
}
