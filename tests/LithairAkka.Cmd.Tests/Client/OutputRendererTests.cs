using System.Text.Json;
using LithairAkka.Cmd.Client;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Tests.Client;

public sealed class OutputRendererTests
{
    private static string Render(CommandOutput output, bool json)
    {
        using var writer = new StringWriter();
        new OutputRenderer(writer, json).Render(output);
        return writer.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Render_Table_AlignsColumnsUnderHeader()
    {
        var text = Render(CommandOutput.Table(["node", "health"], [["1", "healthy"], ["12", "lagging"]]), json: false);

        Assert.Equal("node | health\n-----+--------\n1    | healthy\n12   | lagging\n", text);
    }

    [Fact]
    public void Render_EmptyTable_SaysNone() =>
        Assert.Equal("(none)\n", Render(CommandOutput.Table(["a"], []), json: false));

    [Fact]
    public void Render_Record_AlignsValues() =>
        Assert.Equal(
            "role:   Leader\nterm:   3\nleader: 1\n",
            Render(CommandOutput.Record(("role", "Leader"), ("term", 3L), ("leader", 1L)), json: false));

    [Fact]
    public void Render_TableAsJson_ArrayOfObjects()
    {
        using var document = JsonDocument.Parse(Render(CommandOutput.Table(["node", "lag"], [["1", "0"]]), json: true));

        Assert.Equal("0", document.RootElement[0].GetProperty("lag").GetString());
    }

    [Fact]
    public void Render_MessageWithFieldsAsJson_PrintsTheFields()
    {
        var output = CommandOutput.Message("[t] [INFO] x", [new OutputField("level", "INFO")]);

        using var document = JsonDocument.Parse(Render(output, json: true));

        Assert.Equal("INFO", document.RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public void Render_PlainMessageAsJson_WrapsTheText()
    {
        using var document = JsonDocument.Parse(Render(CommandOutput.Message("hello \"you\""), json: true));

        Assert.Equal("hello \"you\"", document.RootElement.GetProperty("message").GetString());
    }
}
