namespace LithairAkka.Cmd.Client;

/// <summary>Entry point of the <c>pbm</c> tool.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => new PbmApp(Console.In, Console.Out, Console.Error).RunAsync(args);
}
