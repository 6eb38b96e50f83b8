using Xunit.Sdk;

namespace LithairAkka.Cluster.Tests;

/// <summary>A tiny property runner: runs a check for many seeds and reports the first failing seed.</summary>
internal static class Property
{
    public static void ForAll(int cases, Action<Random> check, int firstSeed = 1)
    {
        for (var seed = firstSeed; seed < firstSeed + cases; seed++)
        {
            try
            {
                check(new Random(seed));
            }
            catch (Exception ex) when (ex is XunitException or InvalidOperationException or ArgumentException)
            {
                throw new XunitException($"Property failed for seed {seed}: {ex.Message}");
            }
        }
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;
}
