using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote;

public partial class RemoteActorRefProvider
{
    /// <summary>
    /// Quarantines incarnation <paramref name="uid"/> of the node at <paramref name="address"/> for good: its
    /// connection closes, messages for it are dropped, watchers of its actors get <see cref="Terminated"/>, and a
    /// <see cref="Events.QuarantinedEvent"/> is published. A later incarnation (another uid) may associate.
    /// </summary>
    /// <returns>False when it was already quarantined, or <paramref name="address"/> is not a remote node.</returns>
    public bool Quarantine(Address address, long uid, string reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(reason);
        return !IsOwnAddress(address) && TryGetRemoteAddress(address, out var remote) && Transport.Quarantine(remote, uid, reason);
    }

    /// <summary>The uid of the incarnation last associated at <paramref name="address"/>, or 0 when none was.</summary>
    public long CurrentUidOf(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return !IsOwnAddress(address) && TryGetRemoteAddress(address, out var remote)
            ? Transport.GetAssociation(remote).RemoteUid
            : 0;
    }

    /// <summary>Carries a system message of a local actor to a remote one; watches also register with the remote watcher.</summary>
    internal void SendSystemMessage(RemoteActorRef recipient, ISystemMessage message)
    {
        switch (message)
        {
            case Watch { Watcher.IsLocal: true } watch when watch.Watchee.Equals(recipient):
                RemoteWatcher.Tell(new RemoteWatcher.WatchRemote(recipient, watch.Watcher), null);
                break;
            case Unwatch { Watcher.IsLocal: true } unwatch when unwatch.Watchee.Equals(recipient):
                RemoteWatcher.Tell(new RemoteWatcher.UnwatchRemote(recipient, unwatch.Watcher), null);
                break;
        }

        Writer.Send(recipient, message, sender: null, isSystem: true);
    }

    // The transport's event loop: one event at a time, in order.
    private void OnTransportEvent(AssociationEvent e)
    {
        if (_address is not { } local || System.IsTerminating && RootGuardian.IsTerminated)
        {
            return;
        }

        var remote = ToAddress(e.RemoteAddress);
        switch (e)
        {
            case Transport.AssociatedEvent associated:
                _remoteWatcher?.Tell(new RemoteWatcher.NodeAssociated(remote, associated.RemoteUid), null);
                _eventStream.Publish(new Events.AssociatedEvent(local, remote, associated.RemoteUid, associated.IsInbound));
                break;
            case Transport.DisassociatedEvent disassociated:
                _eventStream.Publish(new Events.DisassociatedEvent(local, remote, disassociated.RemoteUid, disassociated.Reason));
                break;
            case Transport.QuarantinedEvent quarantined:
                _remoteWatcher?.Tell(new RemoteWatcher.NodeQuarantined(remote, quarantined.RemoteUid, quarantined.Reason), null);
                _eventStream.Publish(new Events.QuarantinedEvent(remote, quarantined.RemoteUid, quarantined.Reason));
                break;
        }
    }
}
