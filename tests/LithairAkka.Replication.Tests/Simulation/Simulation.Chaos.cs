using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>The random events of a chaos period.</summary>
internal sealed partial class Simulation
{
    private const int MaxOutstandingWrites = 32;
    private bool _chaos;

    private void ConfigureChaos()
    {
        _chaos = true;
        Network.DropRate = Settings.DropRate;
        Network.DuplicateRate = Settings.DuplicateRate;
        Network.MaxDelay = Settings.MaxDelay;
        Network.LongDelayRate = Settings.LongDelayRate;
        Network.LongDelay = Settings.LongDelay;
    }

    /// <summary>Targeted fault: the new leader is cut off before its entries spread.</summary>
    public void OnNewLeader(SimNode leader)
    {
        if (_chaos && Chance(Settings.NewLeaderIsolationRate))
        {
            Trace($"partition isolates new leader {leader.Id}");
            Stats.Partitions++;
            Network.Heal();
            Network.Partition([leader.Id], _nodes.Select(n => n.Id).ToArray());
        }
    }

    /// <summary>Targeted fault: the leader dies right after announcing a new commit index.</summary>
    public void OnLeaderCommitted(SimNode leader)
    {
        if (_chaos && leader.PendingCrash == CrashPoint.None && Chance(Settings.LeaderCommitCrashRate))
        {
            leader.PendingCrash = CrashPoint.AfterSend;
        }
    }

    private void ChaosActions()
    {
        if (Chance(Settings.ProposeRate))
        {
            ClientPropose();
        }

        if (Chance(Settings.ReadRate))
        {
            ClientRead();
        }

        if (Chance(Settings.CrashRate) && Pick(_nodes.Where(n => n.IsAlive)) is { } victim)
        {
            if (Chance(0.5))
            {
                victim.Crash();
            }
            else
            {
                victim.PendingCrash = (CrashPoint)_random.Next(1, 4);
            }
        }

        foreach (var node in _nodes.Where(n => !n.IsAlive))
        {
            if (Chance(Settings.RestartRate))
            {
                node.Start(new Random(_random.Next()));
                node.AfterInput();
            }
        }

        if (Chance(Settings.PartitionRate))
        {
            Partition();
        }

        if (Network.IsPartitioned && Chance(Settings.HealRate))
        {
            Trace("network heals");
            Network.Heal();
        }

        if (Chance(Settings.SnapshotRate) && Pick(_nodes.Where(n => n.IsAlive)) is { } snapshotter)
        {
            Stats.SnapshotsTaken++;
            snapshotter.TakeSnapshot(_random);
        }

        if (Chance(Settings.MembershipRate))
        {
            ChangeMembership();
        }

        if (Chance(Settings.SuspicionRate) && Pick(_nodes.Where(n => n.IsAlive)) is { } suspicious)
        {
            suspicious.Core!.Campaign();
            suspicious.AfterInput();
        }

        if (Chance(Settings.TransferRate) && CurrentLeader() is { } leader
            && Pick(leader.Core!.Configuration.Voters.Where(v => v != leader.Id)) is { } target && target != default)
        {
            Trace($"{leader.Id} transfers leadership to {target}");
            Stats.Transfers++;
            leader.Core.TransferLeadership(target);
            leader.AfterInput();
        }
    }

    /// <summary>A client writes through a random node; a follower redirects it to the leader it knows.</summary>
    private void ClientPropose()
    {
        if (Pick(_nodes.Where(n => n.IsAlive)) is not { } node)
        {
            return;
        }

        if (node.Core!.Role != NodeRole.Leader)
        {
            if (node.Core.Leader is not { } leader || !Node(leader).IsAlive)
            {
                return;
            }

            node = Node(leader);
        }

        // A host bounds its outstanding writes (back-pressure); an unbounded backlog would only measure throughput.
        if (node.Core!.LastIndex - node.Core.CommitIndex >= MaxOutstandingWrites)
        {
            return;
        }

        node.Propose(_nextProposalId++);
    }

    private void ClientRead()
    {
        if (Pick(_nodes.Where(n => n.IsAlive)) is not { } node)
        {
            return;
        }

        var id = _nextReadId++;
        Checker.OnReadIssued(id);
        node.Core!.ReadIndex(id);
        node.AfterInput();
    }

    private void Partition()
    {
        var all = _nodes.Select(n => n.Id).ToArray();
        Network.Heal();
        Stats.Partitions++;
        if (Chance(0.4) && CurrentLeader() is { } leader)
        {
            Trace($"partition isolates leader {leader.Id}");
            Network.Partition([leader.Id], all);
            return;
        }

        var side = all.Where(_ => Chance(0.5)).ToArray();
        if (side.Length == 0 || side.Length == all.Length)
        {
            return;
        }

        Trace($"partition [{string.Join(",", side)}] | rest");
        Network.Partition(side, all);
    }

    /// <summary>The leader adds a spare as learner, promotes a caught-up learner or removes a member.</summary>
    private void ChangeMembership()
    {
        if (CurrentLeader() is not { } leader)
        {
            return;
        }

        var core = leader.Core!;
        var configuration = core.Configuration;
        var followers = core.GetStatus().Followers;
        var changes = new List<ConfigChange>();
        changes.AddRange(_nodes.Where(n => !configuration.Contains(n.Id)).Select(n => ConfigChange.AddLearner(n.Id)));
        changes.AddRange(followers.Where(f => f.IsLearner && f.MatchIndex >= core.CommitIndex).Select(f => ConfigChange.PromoteLearner(f.Node)));
        changes.AddRange(configuration.Learners.Select(ConfigChange.RemoveNode));
        if (configuration.Voters.Length > 2)
        {
            changes.AddRange(configuration.Voters.Select(ConfigChange.RemoveNode));
        }

        if (changes.Count == 0)
        {
            return;
        }

        var change = changes[_random.Next(changes.Count)];
        var result = core.ProposeConfigChange(change);
        if (result.IsAccepted)
        {
            Stats.ConfigChanges++;
            Trace($"{leader.Id} proposes {change.Kind} {change.Node} at ({result.Index}, {result.Term})");
        }

        leader.AfterInput();
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T? Pick<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? default : list[_random.Next(list.Count)];
    }
}
