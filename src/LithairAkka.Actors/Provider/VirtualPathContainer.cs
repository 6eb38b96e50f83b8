using System.Collections.Concurrent;

namespace LithairAkka.Actors;

/// <summary>
/// A ref with virtual children that are not actors (the <c>/temp</c> container of Ask promises), so they can be
/// resolved by path, e.g. when a reply comes back over remoting. Thread-safe.
/// </summary>
public sealed class VirtualPathContainer : MinimalActorRef
{
    private readonly ConcurrentDictionary<string, IInternalActorRef> _children = new(StringComparer.Ordinal);
    private readonly IActorRefProvider _provider;

    /// <summary>Creates the container at <paramref name="path"/>.</summary>
    public VirtualPathContainer(IActorRefProvider provider, ActorPath path, IInternalActorRef parent)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Parent = parent ?? throw new ArgumentNullException(nameof(parent));
    }

    /// <inheritdoc/>
    public override ActorPath Path { get; }

    /// <inheritdoc/>
    public override IInternalActorRef Parent { get; }

    /// <inheritdoc/>
    public override IActorRefProvider Provider => _provider;

    /// <summary>Registers a virtual child under <paramref name="name"/>.</summary>
    public void AddChild(string name, IInternalActorRef actor) => _children[name] = actor;

    /// <summary>Removes a virtual child.</summary>
    public void RemoveChild(string name) => _children.TryRemove(name, out _);

    /// <inheritdoc/>
    public override IActorRef GetChild(IReadOnlyList<string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var elements = name.Where(n => n.Length > 0).ToArray();
        if (elements.Length == 0)
        {
            return this;
        }

        var first = elements[0];
        var hash = first.IndexOf('#', StringComparison.Ordinal);
        if (!_children.TryGetValue(hash < 0 ? first : first[..hash], out var child))
        {
            return Nobody.Instance;
        }

        return elements.Length == 1 ? child : child.GetChild(elements[1..]);
    }
}
