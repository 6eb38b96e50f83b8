namespace LithairAkka.Remote.Transport.FaultInjection;

/// <summary>Which traffic a fault rule affects, seen from the node that holds the rule
/// (the <c>direction=both|send|receive</c> parameter of <c>POST /_fault/blackhole</c>).</summary>
public enum FaultDirection
{
    /// <summary>Frames this node sends to the peer and frames it receives from the peer.</summary>
    Both,

    /// <summary>Frames this node sends to the peer.</summary>
    Send,

    /// <summary>Frames this node receives from the peer.</summary>
    Receive,
}
