using System.Globalization;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.CrashHost;

/// <summary>
/// Child process of the log store's crash test: writes to a <see cref="FileLogStore"/> from several groups at once
/// until it is killed (the last group writes a little and goes quiet), and prints one line before ("I ...;") and
/// after ("D ...;") every operation so the test knows what was acknowledged and what may have reached the disk.
/// </summary>
public static class Program
{
    /// <summary>Arguments: store directory, group count, random seed.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>Never returns normally before it is killed; 2 on bad arguments.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync("usage: CrashHost DIRECTORY GROUPS SEED");
            return 2;
        }

        var groups = int.Parse(args[1], CultureInfo.InvariantCulture);
        var seed = int.Parse(args[2], CultureInfo.InvariantCulture);
        var output = new Output();
        await using var store = await FileLogStore.OpenAsync(CrashOptions.For(args[0]));
        output.Line("READY");
        var writers = new Task[groups];
        for (var g = 0; g < groups; g++)
        {
            writers[g] = new GroupWriter(store, g + 1, new Random(seed + g), output, quiet: g == groups - 1).RunAsync();
        }

        await Task.WhenAll(writers);
        return 0;
    }
}
