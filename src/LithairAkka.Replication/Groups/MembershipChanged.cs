using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>The answer to <see cref="ChangeMembership"/>: the change committed at <paramref name="Index"/>.</summary>
/// <param name="Change">The change.</param>
/// <param name="Index">Its log index.</param>
/// <param name="Configuration">The configuration it produced.</param>
public sealed record MembershipChanged(ConfigChange Change, long Index, Configuration Configuration);
