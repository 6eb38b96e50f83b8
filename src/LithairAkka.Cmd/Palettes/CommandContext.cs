using LithairAkka.Actors;

namespace LithairAkka.Cmd.Palettes;

/// <summary>What a handler gets to run one command: the node's actor system, the output, and the host's ask timeout.</summary>
/// <param name="System">The node's actor system.</param>
/// <param name="Output">Where the command writes; every write is streamed to the client.</param>
/// <param name="AskTimeout">How long a handler should wait for an actor's answer (<c>petabridge.cmd.ask-timeout</c>).</param>
public sealed record CommandContext(ActorSystem System, ICommandOutput Output, TimeSpan AskTimeout)
{
    /// <summary>Writes a line of text.</summary>
    public ValueTask WriteMessageAsync(string text, CancellationToken token) => Output.WriteAsync(CommandOutput.Message(text), token);

    /// <summary>Writes a table.</summary>
    public ValueTask WriteTableAsync(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, CancellationToken token) =>
        Output.WriteAsync(CommandOutput.Table(columns, rows), token);

    /// <summary>Writes a record of named values.</summary>
    public ValueTask WriteRecordAsync(CancellationToken token, params (string Name, object? Value)[] fields) =>
        Output.WriteAsync(CommandOutput.Record(fields), token);
}
