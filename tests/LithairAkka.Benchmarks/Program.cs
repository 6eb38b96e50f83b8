using BenchmarkDotNet.Running;

namespace LithairAkka.Benchmarks;

/// <summary>Entry point: <c>./build.sh --target=Bench --bench=FILTER</c> runs the matching benchmarks.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet's switcher).</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
