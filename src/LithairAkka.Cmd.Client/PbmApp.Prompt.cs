using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd.Client;

/// <content>The interactive prompt.</content>
internal sealed partial class PbmApp
{
    private async Task<int> PromptAsync(CmdClient client, PbmEndpoint endpoint, OutputRenderer renderer)
    {
        var welcome = client.Welcome;
        output.WriteLine($"Connected to {welcome.Node} ({welcome.Address}) at {endpoint}.");
        output.WriteLine("Type 'help' to list commands, Tab to complete, Up/Down for history, 'exit' to quit.");
        var editor = new LineEditor(new CommandCompleter(welcome.Palettes), input, output);
        var prompt = $"pbm {endpoint}> ";
        var last = CmdExitCodes.Success;
        while (editor.ReadLine(prompt) is { } line)
        {
            IReadOnlyList<string> words;
            try
            {
                words = CommandLineTokenizer.Split(line);
            }
            catch (FormatException e)
            {
                error.WriteLine($"pbm: {e.Message}");
                last = CmdExitCodes.UsageError;
                continue;
            }

            if (words.Count == 0)
            {
                continue;
            }

            if (words[0] is "exit" or "quit")
            {
                break;
            }

            last = await RunOneAsync(client, endpoint, words, renderer).ConfigureAwait(false);
            if (last is CmdExitCodes.Unreachable or CmdExitCodes.ProtocolError)
            {
                return last;
            }
        }

        return CmdExitCodes.Success;
    }
}
