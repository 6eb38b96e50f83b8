using LithairAkka.Node.Hosting;
using LithairAkka.Node.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Node;

/// <summary>
/// The node executable: parses the flags of INTERFACE.md §3, loads and validates the configuration (exit code 2 with
/// one line naming the problem), then runs <see cref="NodeService"/> until SIGTERM or Ctrl-C, which shut it down
/// gracefully (exit code 0). A failure while starting (a port in use, unreadable storage) exits with 1.
/// </summary>
internal static class Program
{
    private const int ExitBadConfiguration = 2;
    private const int ExitStartFailed = 1;

    public static async Task<int> Main(string[] args)
    {
        if (NodeCommandLine.WantsHelp(args))
        {
            return await NodeCommandLine.Root.Parse(args).InvokeAsync().ConfigureAwait(false);
        }

        NodeSettings settings;
        ConfiguredStateMachine stateMachine;
        try
        {
            var arguments = NodeCommandLine.Parse(args, Environment.GetEnvironmentVariable);
            settings = NodeConfiguration.Load(arguments, Environment.CurrentDirectory);
            stateMachine = StateMachineLoader.Resolve(settings.Config, Environment.CurrentDirectory);
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync("lithair-node: " + ex.Message).ConfigureAwait(false);
            return ExitBadConfiguration;
        }

        if (NodeCommandLine.WantsCheck(args))
        {
            await Console.Out.WriteLineAsync(NodeConfiguration.Describe(settings)).ConfigureAwait(false);
            return 0;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (settings.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        builder.Logging.SetMinimumLevel(settings.LogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        // A failed start is reported below in one line; the host's own report repeats it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(stateMachine);
        builder.Services.AddHostedService<NodeService>();
        using var host = builder.Build();
        try
        {
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException)
        {
            // SIGTERM while starting: the node stopped as asked, having released what it opened.
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or LithairAkka.Hocon.ConfigurationException)
        {
            await Console.Error.WriteLineAsync("lithair-node: failed to start: " + ex.Message).ConfigureAwait(false);
            return ExitStartFailed;
        }
    }
}
