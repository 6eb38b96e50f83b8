using LithairAkka.Remote.Transport;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Node.Startup;

/// <summary>Another voter: its node id and remoting address.</summary>
/// <param name="Node">Its id.</param>
/// <param name="Address">Its remoting endpoint.</param>
internal sealed record PeerAddress(NodeId Node, RemoteAddress Address);
