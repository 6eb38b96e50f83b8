namespace LithairAkka.Management.Groups;

/// <summary>
/// Which peers' remoting connections are known to be closed, so that a request forwarded to a peer that died is not
/// left waiting for the request timeout: a dead process closes its sockets at once, and the node learns it from the
/// remoting events (<c>DisassociatedEvent</c>, <c>AssociatedEvent</c>) that its host relays here.
/// </summary>
/// <remarks>
/// A peer is up until a close is reported, and up again once a new connection is; refs without a host (local actors)
/// are always up. Thread-safe.
/// </remarks>
public sealed class PeerConnections
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Host, int Port), CancellationTokenSource> _open = [];
    private readonly HashSet<(string Host, int Port)> _down = [];

    /// <summary>Whether the connection to <paramref name="target"/>'s node is known to be closed now.</summary>
    /// <param name="target">A local or remote ref.</param>
    public bool IsDown(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (KeyOf(target.Path.Address) is not { } key)
        {
            return false;
        }

        lock (_gate)
        {
            return _down.Contains(key);
        }
    }

    /// <summary>
    /// A token cancelled when the connection to <paramref name="target"/>'s node closes (already cancelled if it is
    /// down); <see cref="CancellationToken.None"/> for a local ref.
    /// </summary>
    /// <param name="target">A local or remote ref.</param>
    public CancellationToken WhenClosed(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (KeyOf(target.Path.Address) is not { } key)
        {
            return CancellationToken.None;
        }

        lock (_gate)
        {
            if (_down.Contains(key))
            {
                return new CancellationToken(canceled: true);
            }

            if (!_open.TryGetValue(key, out var source))
            {
                source = new CancellationTokenSource();
                _open[key] = source;
            }

            return source.Token;
        }
    }

    /// <summary>The connection to <paramref name="address"/> closed: cancels its tokens and marks it down.</summary>
    /// <param name="address">The peer's remoting address.</param>
    public void Closed(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (KeyOf(address) is not { } key)
        {
            return;
        }

        CancellationTokenSource? source;
        lock (_gate)
        {
            _down.Add(key);
            _open.Remove(key, out source);
        }

        // Outside the lock: cancellation runs the waiters' continuations. Not disposed: a token handed out earlier
        // may still be linked to (a source without timers holds nothing to release).
        source?.Cancel();
    }

    /// <summary>A connection to <paramref name="address"/> is established: it is up again.</summary>
    /// <param name="address">The peer's remoting address.</param>
    public void Opened(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (KeyOf(address) is { } key)
        {
            lock (_gate)
            {
                _down.Remove(key);
            }
        }
    }

    private static (string Host, int Port)? KeyOf(Address address) =>
        address.Host is { } host && address.Port is { } port ? (host, port) : null;
}
