using System.Globalization;

namespace LithairAkka.Actors;

/// <summary>Children: creation, lookup, stop and the termination bookkeeping.</summary>
internal sealed partial class ActorCell
{
    private volatile ChildrenContainer _children = ChildrenContainer.Empty;

    public IReadOnlyCollection<IActorRef> Children => _children.Refs;

    public IEnumerable<IActorRef> GetChildren() => _children.Refs;

    internal ChildrenContainer ChildrenContainer => _children;

    public IActorRef Child(string name) =>
        _children.TryGetByName(name, out var stats) ? stats!.Child : Nobody.Instance;

    public IActorRef ActorOf(Props props, string? name = null) => AttachChild(props, name);

    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => AttachChild(Props.Create<TActor>(), name);

    /// <summary>Creates and starts a child. Thread-safe: <c>system.ActorOf</c> calls it on the guardian from any thread.</summary>
    internal LocalActorRef AttachChild(Props props, string? name, bool systemService = false)
    {
        ArgumentNullException.ThrowIfNull(props);
        name = name is null ? NextRandomName() : CheckName(name, systemService);
        UpdateChildren(c => c.Reserve(name));
        LocalActorRef child;
        try
        {
            var dispatcher = _system.Dispatchers.Lookup(props.Dispatcher);
            var mailbox = _system.Dispatchers.LookupMailbox(props.Mailbox);
            var path = new ChildActorPath(_self.Path, name, NewUid());
            child = new LocalActorRef(_system, props, dispatcher, mailbox, _self, path);
        }
        catch
        {
            UpdateChildren(c => c.Unreserve(name));
            throw;
        }

        UpdateChildren(c => c.Add(name, new ChildRestartStats(child)));
        child.Start();
        return child;
    }

    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(_self, _system.Provider, path);

    public ActorSelection ActorSelection(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ActorSelection(_system.Provider.RootGuardianAt(path.Address), path.Elements);
    }

    public void Stop(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (_children.TryGetByRef(child, out _))
        {
            UpdateChildren(c => c.TryGetByRef(child, out _) ? c.ShallDie(child) : c);
        }

        if (child is IInternalActorRef internalRef)
        {
            internalRef.Stop();
        }
    }

    /// <summary>Sets the reason the cell waits for its children; false when no child is stopping.</summary>
    private bool SetChildrenTerminationReason(SuspendReason reason)
    {
        while (true)
        {
            var current = _children;
            if (current.ToDie is null)
            {
                return false;
            }

            if (SwapChildren(current, current.WithReason(reason)))
            {
                return true;
            }
        }
    }

    private void SetTerminated() => UpdateChildren(c => c.AsTerminated());

    private void HandleChildTerminated(IActorRef child)
    {
        SuspendReason? reason;
        while (true)
        {
            var current = _children;
            var next = current.Remove(child);
            if (SwapChildren(current, next))
            {
                reason = current.ToDie is not null && next.ToDie is null ? current.Reason : null;
                break;
            }
        }

        if (_actor is not null)
        {
            try
            {
                _actor.SupervisorStrategyInternal.HandleChildTerminated(this, child, Children);
            }
            catch (Exception e)
            {
                HandleInvokeFailure(null, e);
            }
        }

        switch (reason)
        {
            case SuspendReason.Recreation recreation:
                FinishRecreate(recreation.Cause);
                break;
            case SuspendReason.Creation:
                FinishCreate();
                break;
            case SuspendReason.Termination:
                FinishTerminate();
                break;
        }
    }

    private void SuspendChildren(IActorRef? except)
    {
        foreach (var stats in _children.Stats)
        {
            if (except is null || !stats.Child.Equals(except))
            {
                stats.Child.Suspend();
            }
        }
    }

    private void ResumeChildren(Exception? causedByFailure, IActorRef? perpetrator)
    {
        foreach (var stats in _children.Stats)
        {
            stats.Child.Resume(perpetrator is not null && stats.Child.Equals(perpetrator) ? causedByFailure : null);
        }
    }

    private void UpdateChildren(Func<ChildrenContainer, ChildrenContainer> update)
    {
        while (true)
        {
            var current = _children;
            if (SwapChildren(current, update(current)))
            {
                return;
            }
        }
    }

    private bool SwapChildren(ChildrenContainer expected, ChildrenContainer next) =>
        ReferenceEquals(Interlocked.CompareExchange(ref _children, next, expected), expected);

    private string NextRandomName()
    {
        var n = Interlocked.Increment(ref _nameCounter);
        return "$" + EncodeName(n);
    }

    private static long NewUid()
    {
        long uid;
        do
        {
            uid = Random.Shared.Next();
        }
        while (uid == ActorPath.UndefinedUid);

        return uid;
    }

    private static string EncodeName(long value)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
        Span<char> buffer = stackalloc char[12];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Alphabet[(int)(value & 63)];
            value >>= 6;
        }
        while (value != 0);

        return new string(buffer[i..]);
    }

    private static string CheckName(string name, bool systemService)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException("Actor name must not be empty.");
        }

        if (name[0] == '$' && !systemService)
        {
            throw new InvalidActorNameException($"Illegal actor name [{name}]: names starting with '$' are reserved.");
        }

        foreach (var ch in name)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || "-_.*$+:@&=,!~';".Contains(ch, StringComparison.Ordinal)))
            {
                throw new InvalidActorNameException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Illegal actor name [{name}]: character '{ch}' is not allowed (use letters, digits and -_.*$+:@&=,!~';)."));
            }
        }

        return name;
    }
}
