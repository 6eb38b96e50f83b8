namespace LithairAkka.Actors;

/// <summary>Implement on an actor to get an unbounded <see cref="IStash"/> injected (usable from the constructor on).</summary>
public interface IWithUnboundedStash
{
    /// <summary>The actor's stash; set by the runtime.</summary>
    IStash Stash { get; set; }
}
