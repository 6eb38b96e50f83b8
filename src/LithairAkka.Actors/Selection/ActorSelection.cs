using System.Globalization;

namespace LithairAkka.Actors;

/// <summary>
/// A path (with optional <c>*</c>/<c>?</c> wildcards and <c>..</c>) below an anchor ref, resolved at each send:
/// <c>system.ActorSelection("/user/workers/*").Tell(msg)</c>. <see cref="ResolveOne"/> finds the single actor via
/// <see cref="Identify"/>. Immutable and thread-safe.
/// </summary>
public sealed class ActorSelection : ICanTell
{
    /// <summary>Creates a selection of <paramref name="elements"/> below <paramref name="anchor"/>.</summary>
    public ActorSelection(IActorRef anchor, IEnumerable<string> elements)
    {
        Anchor = anchor ?? throw new ArgumentNullException(nameof(anchor));
        ArgumentNullException.ThrowIfNull(elements);
        Path = elements.Where(e => e.Length > 0 && e != ".").Select(SelectionPathElement.Parse).ToArray();
    }

    /// <summary>Creates a selection of a '/'-separated relative path below <paramref name="anchor"/>.</summary>
    public ActorSelection(IActorRef anchor, string path)
        : this(anchor, (path ?? throw new ArgumentNullException(nameof(path))).Split('/'))
    {
    }

    /// <summary>Where the path starts.</summary>
    public IActorRef Anchor { get; }

    /// <summary>The path elements.</summary>
    public IReadOnlyList<SelectionPathElement> Path { get; }

    /// <summary>The path as text, e.g. <c>/user/a/*</c>.</summary>
    public string PathString => "/" + string.Join('/', Path.Select(p => p.ToString()));

    /// <inheritdoc/>
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        DeliverSelection((IInternalActorRef)Anchor, sender, new ActorSelectionMessage(message, Path, WildcardFanOut: false));
    }

    /// <summary>Resolves to the one actor at the path (via <see cref="Identify"/>).</summary>
    /// <exception cref="ActorNotFoundException">When no actor answered with an identity in time.</exception>
    public async Task<IActorRef> ResolveOne(TimeSpan timeout, CancellationToken token = default)
    {
        try
        {
            var identity = await this.Ask<ActorIdentity>(new Identify(null), timeout, token).ConfigureAwait(false);
            return identity.Subject ?? throw new ActorNotFoundException($"No actor found for {this}.");
        }
        catch (AskTimeoutException e)
        {
            throw new ActorNotFoundException($"No actor found for {this} within {timeout}.", e);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ActorSelection[Anchor({Anchor.Path}), Path({PathString})]");

    /// <summary>
    /// Delivers <paramref name="selection"/> from <paramref name="anchor"/>: walks local children directly (no
    /// mailbox hop) and hands the rest to a non-local ref. Unknown names (without wildcards) answer an
    /// <see cref="Identify"/> with an empty identity and dead-letter anything else.
    /// </summary>
    public static void DeliverSelection(IInternalActorRef anchor, IActorRef? sender, ActorSelectionMessage selection)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(selection);
        Deliver(anchor, anchor, sender, selection, 0);
    }

    internal static ActorSelection Create(IInternalActorRef relativeAnchor, IActorRefProvider provider, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (ActorPath.TryParse(path, out var actorPath))
        {
            return new ActorSelection(provider.RootGuardianAt(actorPath.Address), actorPath.Elements);
        }

        return path.StartsWith('/')
            ? new ActorSelection(provider.RootGuardian, path)
            : new ActorSelection(relativeAnchor, path);
    }

    private static void Deliver(IInternalActorRef anchor, IInternalActorRef current, IActorRef? sender, ActorSelectionMessage selection, int index)
    {
        var elements = selection.Elements;
        if (index >= elements.Count)
        {
            current.Tell(selection.Message, sender);
            return;
        }

        if (!current.IsLocal)
        {
            current.Tell(selection with { Elements = elements.Skip(index).ToArray() }, sender);
            return;
        }

        var last = index == elements.Count - 1;
        switch (elements[index])
        {
            case SelectionPathElement.SelectParent:
                Deliver(anchor, current.Parent, sender, selection, index + 1);
                break;
            case SelectionPathElement.ChildName childName:
                var child = current is LocalActorRef local ? local.GetSingleChild(childName.Name) : current.GetChild([childName.Name]);
                if (child is IInternalActorRef found and not Nobody)
                {
                    Deliver(anchor, found, sender, selection, index + 1);
                }
                else if (!selection.WildcardFanOut)
                {
                    EmptyRef(anchor, elements).Tell(selection, sender);
                }

                break;
            case SelectionPathElement.ChildPattern pattern:
                var matches = current is LocalActorRef parent ? parent.GetChildren(pattern.IsMatch).ToArray() : [];
                if (matches.Length == 0)
                {
                    if (!selection.WildcardFanOut)
                    {
                        EmptyRef(anchor, elements).Tell(selection, sender);
                    }

                    return;
                }

                var fanned = last ? selection : selection with { WildcardFanOut = true };
                foreach (var match in matches)
                {
                    Deliver(anchor, match, sender, fanned, index + 1);
                }

                break;
        }
    }

    private static EmptyLocalActorRef EmptyRef(IInternalActorRef anchor, IReadOnlyList<SelectionPathElement> elements)
    {
        var path = anchor.Path;
        foreach (var element in elements)
        {
            path = element is SelectionPathElement.SelectParent ? path.Parent : path / element.ToString()!;
        }

        return new EmptyLocalActorRef(anchor.Provider, path, anchor.Provider.DeadLetters);
    }
}
