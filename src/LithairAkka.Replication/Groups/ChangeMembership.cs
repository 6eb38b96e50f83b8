using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>
/// Asks the leader's <see cref="ReplicaGroup"/> to change the group's configuration through the log, one change at a
/// time. Answered with <see cref="MembershipChanged"/> once the change committed, <see cref="NotLeader"/>, or
/// <see cref="StateMachines.ProposeFailed"/> (another change is in progress, the change does not apply, leadership lost).
/// </summary>
/// <param name="Change">Add a learner, promote a learner, or remove a member.</param>
public sealed record ChangeMembership(ConfigChange Change);
