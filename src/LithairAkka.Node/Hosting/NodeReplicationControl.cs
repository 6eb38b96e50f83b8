using LithairAkka.Cmd.Replication;
using LithairAkka.Management.Groups;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Node.Hosting;

/// <summary>The <c>replication force-resync</c> and <c>transfer-leadership</c> commands of <c>pbm</c>, on the same operations as the HTTP routes.</summary>
internal sealed class NodeReplicationControl(ReplicationAdmin admin) : IReplicationControl
{
    public async Task<ReplicationControlResult> ForceResyncAsync(string target, CancellationToken token)
    {
        var (success, message) = await admin.ForceResyncAsync(target, token).ConfigureAwait(false);
        return new ReplicationControlResult(success, message);
    }

    public async Task<ReplicationControlResult> TransferLeadershipAsync(long target, CancellationToken token)
    {
        var (success, message, leader) = await admin.TransferLeadershipAsync(new NodeId(target), token).ConfigureAwait(false);
        return new ReplicationControlResult(success, message, leader?.Value);
    }
}
