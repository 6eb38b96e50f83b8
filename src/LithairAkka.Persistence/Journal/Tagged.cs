namespace LithairAkka.Persistence.Journal;

/// <summary>
/// Wrap an event in <see cref="Tagged"/> when persisting it to store tags with it (SQL: the <c>tags</c> table). The
/// journal stores and replays the inner <paramref name="Payload"/>; the persist handler receives the wrapper.
/// Immutable.
/// </summary>
/// <param name="Payload">The event.</param>
/// <param name="Tags">Its tags (non-empty strings without ';').</param>
public sealed record Tagged(object Payload, IReadOnlyCollection<string> Tags);
