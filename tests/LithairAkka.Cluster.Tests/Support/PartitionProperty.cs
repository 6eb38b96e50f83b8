using Xunit.Sdk;

namespace LithairAkka.Cluster.Tests;

/// <summary>Both sides of random partitions decide; at most one side may keep running.</summary>
internal static class PartitionProperty
{
    public static void AssertNeverBothSidesSurvive(Func<Random, DowningStrategy> strategy, bool withInFlightChanges, int cases = 5000) =>
        Property.ForAll(cases, random =>
        {
            var partition = Partition.Generate(random, withInFlightChanges);
            var decide = strategy(random);
            var downedByA = decide.NodesToDown(partition.ViewA);
            var downedByB = decide.NodesToDown(partition.ViewB);
            var survivorsA = partition.Survivors(partition.ViewA, partition.SideA, downedByA);
            var survivorsB = partition.Survivors(partition.ViewB, partition.SideB, downedByB);
            if (!survivorsA.IsEmpty && !survivorsB.IsEmpty)
            {
                throw new XunitException(
                    $"Both sides survive: A={string.Join(",", survivorsA)} ({decide.Decide(partition.ViewA)}), " +
                    $"B={string.Join(",", survivorsB)} ({decide.Decide(partition.ViewB)}); members: {string.Join("; ", partition.Members)}");
            }

            // A side downs nodes of the other side only as unreachable nodes.
            Assert.Empty(downedByA.Intersect(partition.SideB).Except(partition.ViewA.Unreachable));
        });
}
