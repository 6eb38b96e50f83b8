using System.Collections.Immutable;

namespace LithairAkka.Actors;

/// <summary>Why a cell waits for its children to stop.</summary>
internal abstract record SuspendReason
{
    /// <summary>Children stopped on request; nothing waits.</summary>
    public sealed record UserRequest : SuspendReason;

    /// <summary>Restart in progress; continue with a fresh instance once the children are gone.</summary>
    public sealed record Recreation(Exception Cause) : SuspendReason;

    /// <summary>Re-creation after a failed creation.</summary>
    public sealed record Creation : SuspendReason;

    /// <summary>The cell stops once the children are gone.</summary>
    public sealed record Termination : SuspendReason;
}

/// <summary>
/// The immutable set of a cell's children, replaced by CAS (children may be reserved from any thread by
/// <c>system.ActorOf</c>) and read without locks by selections and lookups. Also records whether the cell waits
/// for children to stop, and why (Akka's Normal/Terminating/Terminated containers).
/// </summary>
internal sealed class ChildrenContainer
{
    private static readonly object Reserved = new();

    private ChildrenContainer(ImmutableDictionary<string, object> byName, ImmutableHashSet<IActorRef>? toDie, SuspendReason? reason, bool isTerminated)
    {
        ByName = byName;
        ToDie = toDie;
        Reason = reason;
        IsTerminated = isTerminated;
    }

    public static ChildrenContainer Empty { get; } = new(ImmutableDictionary.Create<string, object>(StringComparer.Ordinal), null, null, false);

    public ImmutableDictionary<string, object> ByName { get; }

    /// <summary>Children being stopped; null when not terminating.</summary>
    public ImmutableHashSet<IActorRef>? ToDie { get; }

    public SuspendReason? Reason { get; }

    public bool IsTerminated { get; }

    public bool IsNormal => ToDie is null && !IsTerminated;

    /// <summary>True when the cell itself is stopping (Akka's isTerminating).</summary>
    public bool IsTerminating => IsTerminated || Reason is SuspendReason.Termination;

    public bool IsWaitingForChildren => ToDie is not null && Reason is SuspendReason.Recreation or SuspendReason.Creation;

    public IEnumerable<ChildRestartStats> Stats => ByName.Values.OfType<ChildRestartStats>();

    public IReadOnlyCollection<IActorRef> Refs => Stats.Select(s => (IActorRef)s.Child).ToArray();

    public bool TryGetByName(string name, out ChildRestartStats? stats)
    {
        stats = ByName.TryGetValue(name, out var entry) ? entry as ChildRestartStats : null;
        return stats is not null;
    }

    public bool TryGetByRef(IActorRef child, out ChildRestartStats? stats)
    {
        if (TryGetByName(child.Path.Name, out stats) && stats!.Child.Equals(child))
        {
            return true;
        }

        stats = null;
        return false;
    }

    public ChildrenContainer Reserve(string name)
    {
        if (IsTerminated || Reason is SuspendReason.Termination)
        {
            throw new InvalidOperationException($"Cannot reserve actor name [{name}]: the parent is terminating.");
        }

        if (ByName.ContainsKey(name))
        {
            throw new InvalidActorNameException($"Actor name [{name}] is not unique!");
        }

        return With(ByName.Add(name, Reserved));
    }

    public ChildrenContainer Unreserve(string name) =>
        ByName.TryGetValue(name, out var entry) && ReferenceEquals(entry, Reserved) ? With(ByName.Remove(name)) : this;

    public ChildrenContainer Add(string name, ChildRestartStats stats) => With(ByName.SetItem(name, stats));

    public ChildrenContainer Remove(IActorRef child)
    {
        var byName = TryGetByRef(child, out _) ? ByName.Remove(child.Path.Name) : ByName;
        if (ToDie is null)
        {
            return With(byName);
        }

        var toDie = ToDie.Remove(child);
        if (!toDie.IsEmpty)
        {
            return new ChildrenContainer(byName, toDie, Reason, false);
        }

        return Reason is SuspendReason.Termination
            ? new ChildrenContainer(byName, null, null, true)
            : new ChildrenContainer(byName, null, null, false);
    }

    public ChildrenContainer ShallDie(IActorRef child) =>
        IsTerminated ? this : new ChildrenContainer(ByName, (ToDie ?? []).Add(child), Reason ?? new SuspendReason.UserRequest(), false);

    public ChildrenContainer WithReason(SuspendReason reason) => new(ByName, ToDie, reason, false);

    public ChildrenContainer AsTerminated() => new(ByName, null, null, true);

    private ChildrenContainer With(ImmutableDictionary<string, object> byName) => new(byName, ToDie, Reason, IsTerminated);
}
