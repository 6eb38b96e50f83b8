using System.CommandLine;
using System.Net.Sockets;
using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd.Client;

/// <summary>
/// The <c>pbm</c> program: <c>pbm [host:port] COMMAND…</c> runs one command, <c>pbm [host:port]</c> opens the
/// interactive prompt. Exit codes are <see cref="CmdExitCodes"/>; every failure prints one line to the error writer.
/// </summary>
internal sealed partial class PbmApp(TextReader input, TextWriter output, TextWriter error)
{
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON, one document per output, instead of tables" };

    private readonly Option<double> _timeout = new("--timeout")
    {
        Description = "Seconds to wait for the node to accept the connection",
        DefaultValueFactory = _ => 5,
    };

    private readonly Argument<string[]> _words = new("command")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "[host:port] COMMAND… (default 127.0.0.1:9110); without a command, an interactive prompt",
    };

    // With --json a failure is also a JSON document on the output, {"error":…,"exit-code":N}, for scripts.
    private bool _jsonErrors;

    public async Task<int> RunAsync(string[] args)
    {
        _jsonErrors = args.Contains("--json", StringComparer.Ordinal);
        var root = new RootCommand(
            "pbm: administer a LithairAkka node through its command host (petabridge.cmd.port, 9110 + node id). " +
            "Run 'pbm help' to list the node's commands. Exit codes: 0 success, 1 command failed, 2 usage error, " +
            "3 node unreachable, 4 protocol error, 130 cancelled.")
        {
            _json, _timeout, _words,
        };
        root.SetAction((parse, _) => ExecuteAsync(parse));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return Fail(CmdExitCodes.UsageError, parsed.Errors[0].Message);
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null })
            .ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(ParseResult parse)
    {
        var words = (parse.GetValue(_words) ?? []).ToList();
        var endpoint = PbmEndpoint.Default;
        if (words.Count > 0 && PbmEndpoint.LooksLikeEndpoint(words[0]))
        {
            if (!PbmEndpoint.TryParse(words[0], out endpoint))
            {
                return Fail(CmdExitCodes.UsageError, $"'{words[0]}' is not a host:port endpoint (port 1 to 65535).");
            }

            words.RemoveAt(0);
        }

        var timeout = parse.GetValue(_timeout);
        if (timeout <= 0 || double.IsNaN(timeout))
        {
            return Fail(CmdExitCodes.UsageError, "--timeout must be a positive number of seconds.");
        }

        CmdClient client;
        try
        {
            client = await CmdClient.ConnectAsync(endpoint.Host, endpoint.Port, TimeSpan.FromSeconds(timeout), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or TimeoutException or IOException)
        {
            return Fail(CmdExitCodes.Unreachable, $"cannot reach {endpoint}: {e.Message}");
        }
        catch (CmdProtocolException e)
        {
            return Fail(CmdExitCodes.ProtocolError, $"{endpoint}: {e.Message}");
        }

        await using (client.ConfigureAwait(false))
        {
            var renderer = new OutputRenderer(output, parse.GetValue(_json));
            return words.Count == 0
                ? await PromptAsync(client, endpoint, renderer).ConfigureAwait(false)
                : await RunOneAsync(client, endpoint, words, renderer).ConfigureAwait(false);
        }
    }

    private async Task<int> RunOneAsync(CmdClient client, PbmEndpoint endpoint, IReadOnlyList<string> words, OutputRenderer renderer)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Ctrl-C stops the running command (a streaming one ends this way), not pbm itself.
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var completed = await client.ExecuteAsync(words, o => { renderer.Render(o); return ValueTask.CompletedTask; }, cancellation.Token)
                .ConfigureAwait(false);
            if (completed.ExitCode is not (CmdExitCodes.Success or CmdExitCodes.Cancelled) && completed.Error is { } message)
            {
                return Fail(completed.ExitCode, message);
            }

            return completed.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return Fail(CmdExitCodes.Cancelled, "cancelled; the node did not confirm in time.");
        }
        catch (IOException e)
        {
            return Fail(CmdExitCodes.Unreachable, $"lost the connection to {endpoint}: {e.Message}");
        }
        catch (CmdProtocolException e)
        {
            return Fail(CmdExitCodes.ProtocolError, $"{endpoint}: {e.Message}");
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private int Fail(int exitCode, string message)
    {
        error.WriteLine($"pbm: {message}");
        error.Flush();
        if (_jsonErrors)
        {
            output.WriteLine(OutputRenderer.ErrorJson(message, exitCode));
            output.Flush();
        }

        return exitCode;
    }
}
