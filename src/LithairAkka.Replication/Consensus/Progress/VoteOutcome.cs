namespace LithairAkka.Replication.Consensus;

/// <summary>Where an election stands.</summary>
internal enum VoteOutcome
{
    Pending,
    Won,
    Lost,
}
