using System.Collections.Immutable;

namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The membership of a group: the voters, whose majority decides elections and commitment, and the learners, which
/// only receive the log. Immutable; equal when both sets are equal.
/// </summary>
public sealed class Configuration : IEquatable<Configuration>
{
    /// <summary>A configuration with no members: the state of a node that joins a group and has not yet received it.</summary>
    public static Configuration Empty { get; } = new([], []);

    /// <summary>Creates a configuration.</summary>
    /// <param name="voters">The voting members.</param>
    /// <param name="learners">The non-voting members.</param>
    /// <exception cref="ArgumentException">A node is listed twice, or as both voter and learner.</exception>
    public Configuration(IEnumerable<NodeId> voters, IEnumerable<NodeId> learners)
    {
        Voters = [.. voters.Order()];
        Learners = [.. learners.Order()];
        for (var i = 1; i < Voters.Length; i++)
        {
            if (Voters[i] == Voters[i - 1])
            {
                throw new ArgumentException($"Voter {Voters[i]} is listed twice.", nameof(voters));
            }
        }

        for (var i = 0; i < Learners.Length; i++)
        {
            if ((i > 0 && Learners[i] == Learners[i - 1]) || Voters.Contains(Learners[i]))
            {
                throw new ArgumentException($"Learner {Learners[i]} is listed twice or is also a voter.", nameof(learners));
            }
        }
    }

    /// <summary>The voting members, in ascending order.</summary>
    public ImmutableArray<NodeId> Voters { get; }

    /// <summary>The non-voting members, in ascending order.</summary>
    public ImmutableArray<NodeId> Learners { get; }

    /// <summary>Voters then learners.</summary>
    public IEnumerable<NodeId> Members => Voters.Concat(Learners);

    /// <summary>How many voters make a majority; 0 for an empty configuration.</summary>
    public int Quorum => Voters.Length == 0 ? 0 : (Voters.Length / 2) + 1;

    /// <summary>Creates a configuration made of voters only, as a new group is bootstrapped.</summary>
    /// <param name="voters">The voting members.</param>
    /// <returns>The configuration.</returns>
    public static Configuration OfVoters(params NodeId[] voters) => new(voters, []);

    /// <summary>Whether <paramref name="node"/> votes.</summary>
    /// <param name="node">The node.</param>
    /// <returns><c>true</c> for a voter.</returns>
    public bool IsVoter(NodeId node) => Voters.BinarySearch(node) >= 0;

    /// <summary>Whether <paramref name="node"/> is a learner.</summary>
    /// <param name="node">The node.</param>
    /// <returns><c>true</c> for a learner.</returns>
    public bool IsLearner(NodeId node) => Learners.BinarySearch(node) >= 0;

    /// <summary>Whether <paramref name="node"/> is a voter or a learner.</summary>
    /// <param name="node">The node.</param>
    /// <returns><c>true</c> for a member.</returns>
    public bool Contains(NodeId node) => IsVoter(node) || IsLearner(node);

    /// <summary>Checks whether <paramref name="change"/> can be applied to this configuration.</summary>
    /// <param name="change">The change.</param>
    /// <param name="reason">Why not, when it cannot.</param>
    /// <returns><c>true</c> when <see cref="Apply"/> would succeed.</returns>
    public bool CanApply(ConfigChange change, out string? reason)
    {
        reason = change.Kind switch
        {
            ConfigChangeKind.AddLearner when Contains(change.Node) => $"{change.Node} is already a member.",
            ConfigChangeKind.PromoteLearner when !IsLearner(change.Node) => $"{change.Node} is not a learner.",
            ConfigChangeKind.RemoveNode when !Contains(change.Node) => $"{change.Node} is not a member.",
            ConfigChangeKind.RemoveNode when Voters.Length == 1 && IsVoter(change.Node) => "The last voter cannot be removed.",
            ConfigChangeKind.AddLearner or ConfigChangeKind.PromoteLearner or ConfigChangeKind.RemoveNode => null,
            _ => $"Unknown change kind {change.Kind}.",
        };
        return reason is null;
    }

    /// <summary>Returns the configuration that results from <paramref name="change"/>.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The new configuration.</returns>
    /// <exception cref="ArgumentException">The change does not apply (see <see cref="CanApply"/>).</exception>
    public Configuration Apply(ConfigChange change)
    {
        if (!CanApply(change, out var reason))
        {
            throw new ArgumentException(reason, nameof(change));
        }

        return change.Kind switch
        {
            ConfigChangeKind.AddLearner => new Configuration(Voters, Learners.Add(change.Node)),
            ConfigChangeKind.PromoteLearner => new Configuration(Voters.Add(change.Node), Learners.Remove(change.Node)),
            _ => new Configuration(Voters.Remove(change.Node), Learners.Remove(change.Node)),
        };
    }

    /// <inheritdoc />
    public bool Equals(Configuration? other) =>
        other is not null && Voters.SequenceEqual(other.Voters) && Learners.SequenceEqual(other.Learners);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Configuration);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var voter in Voters)
        {
            hash.Add(voter);
        }

        hash.Add(-1);
        foreach (var learner in Learners)
        {
            hash.Add(learner);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"voters [{string.Join(",", Voters)}] learners [{string.Join(",", Learners)}]";
}
