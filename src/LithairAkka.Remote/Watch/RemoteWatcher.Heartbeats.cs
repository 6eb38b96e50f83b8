namespace LithairAkka.Remote;

public partial class RemoteWatcher
{
    private void SendHeartbeats()
    {
        foreach (var address in _watcheesByAddress.Keys)
        {
            if (MonitorsByHeartbeat(address))
            {
                PeerOf(address).Tell(Heartbeat.Instance, Self);
            }
        }
    }

    private void OnHeartbeatResponse(Address address, long uid)
    {
        if (!_watcheesByAddress.ContainsKey(address) || !MonitorsByHeartbeat(address))
        {
            return;
        }

        if (_addressUids.TryGetValue(address, out var known) && known != 0 && known != uid)
        {
            // A new incarnation answers: the one whose actors we watch is gone (normally the transport's
            // quarantine of the old uid got here first).
            TerminateAddress(address, $"the node restarted (uid {known} replaced by {uid})", quarantine: true);
            return;
        }

        _addressUids[address] = uid;
        DetectorOf(address).Heartbeat();
    }

    private void OnExpectedFirstHeartbeat(Address address)
    {
        if (_watcheesByAddress.ContainsKey(address) && MonitorsByHeartbeat(address) && !DetectorOf(address).IsMonitoring)
        {
            // No answer yet: start the clock as if one had arrived, so a node that never answers is detected too.
            _log.Debug("No heartbeat response from {Address} yet; monitoring from now", address);
            DetectorOf(address).Heartbeat();
        }
    }

    private void ReapUnreachable()
    {
        if (_detectors.Count == 0)
        {
            return;
        }

        var lost = _detectors.Where(d => d.Value.IsMonitoring && !d.Value.IsAvailable).Select(d => (d.Key, d.Value.Phi)).ToList();
        foreach (var (address, phi) in lost)
        {
            _log.Warning("Detected unreachable: {Address} (phi {Phi:0.0} above the threshold {Threshold}); its watched actors are terminated",
                address, phi, Settings.Threshold);
            TerminateAddress(address, $"the remote watcher's failure detector lost it (phi {phi:0.0})", quarantine: true);
        }
    }

    private void OnNodeAssociated(Address address, long uid)
    {
        if (_watcheesByAddress.ContainsKey(address) && _addressUids.TryGetValue(address, out var known) && known == 0)
        {
            _addressUids[address] = uid;
        }
    }

    private void OnNodeQuarantined(Address address, long uid, string reason)
    {
        if (_watcheesByAddress.ContainsKey(address) && _addressUids.TryGetValue(address, out var known) && (known == uid || known == 0))
        {
            TerminateAddress(address, $"quarantined: {reason}", quarantine: false);
        }
    }

    private PhiAccrualFailureDetector DetectorOf(Address address)
    {
        if (!_detectors.TryGetValue(address, out var detector))
        {
            _detectors[address] = detector = new PhiAccrualFailureDetector(
                Settings.Threshold, Settings.MaxSampleSize, Settings.MinStdDeviation, Settings.AcceptableHeartbeatPause, Settings.HeartbeatInterval,
                Context.System.TimeProvider);
        }

        return detector;
    }

    private IActorRef PeerOf(Address address)
    {
        if (!_peers.TryGetValue(address, out var peer))
        {
            _peers[address] = peer = Provider.ResolveActorRef(new RootActorPath(address) / "system" / "remote-watcher");
        }

        return peer;
    }
}
