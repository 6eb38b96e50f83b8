namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The behaviour of one role (DotNext's one-class-per-role shape). A role object lives from the transition that created
/// it to the next one; the state every role shares (term, vote, log, timers) lives in <see cref="RaftCore"/>. Roles
/// see messages only after <see cref="RaftCore.Step"/> compared terms: a message reaching a role carries the current
/// term (or is a pre-vote answer for the next one). Not thread-safe.
/// </summary>
internal abstract class RaftRole
{
    protected RaftRole(RaftCore core) => Core = core;

    public abstract NodeRole Kind { get; }

    protected RaftCore Core { get; }

    protected RaftLog Log => Core.Log;

    /// <summary>Whether this object is still the core's role (a transition may have replaced it mid-handler).</summary>
    protected bool IsCurrent => ReferenceEquals(Core.CurrentRole, this);

    public abstract void Tick();

    public abstract void Step(RaftMessage message);

    /// <summary>Called before a Ready is assembled, to emit work that was deferred to batch it.</summary>
    public virtual void Flush()
    {
    }

    /// <summary>Called once the messages of a Ready were handed to the host.</summary>
    public virtual void OnMessagesHandedOut()
    {
    }

    /// <summary>Called when the host advanced past a Ready (its entries are durable).</summary>
    public virtual void OnAdvanced()
    {
    }
}
