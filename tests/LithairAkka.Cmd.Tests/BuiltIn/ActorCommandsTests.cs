using LithairAkka.Actors;
using LithairAkka.Cmd.Protocol;
using LithairAkka.Cmd.Tests.Support;

namespace LithairAkka.Cmd.Tests.BuiltIn;

public sealed class ActorCommandsTests(Xunit.Abstractions.ITestOutputHelper output) : CmdTestKit(output)
{
    private async Task<string[]> HierarchyAsync(params string[] arguments)
    {
        var (completed, outputs) = await RunAsync(["actor", "hierarchy", .. arguments]);
        Assert.True(completed.ExitCode == CmdExitCodes.Success, completed.Error);
        var table = Assert.Single(outputs);
        Assert.Equal(["path"], table.Columns);
        return table.Rows!.Select(r => r[0]).ToArray();
    }

    [Fact]
    public async Task Hierarchy_UnderUser_ListsCreatedActorsAndChildren()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "parent");
        await parent.Ask<string>("ready", TimeSpan.FromSeconds(5));

        var paths = await HierarchyAsync("-s", "/user");

        Assert.Contains("/user/parent", paths);
        Assert.Contains("/user/parent/child-a", paths);
        Assert.Contains("/user/parent/child-b", paths);
        Assert.Equal("/user", paths[0]);
    }

    [Fact]
    public async Task Hierarchy_WithDepthOne_StopsBelowTheFirstLevel()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "shallow");
        await parent.Ask<string>("ready", TimeSpan.FromSeconds(5));

        var paths = await HierarchyAsync("-s", "/user", "-d", "1");

        Assert.Contains("/user/shallow", paths);
        Assert.DoesNotContain("/user/shallow/child-a", paths);
    }

    [Fact]
    public async Task Hierarchy_FromRoot_ShowsGuardiansAndCommandHost()
    {
        var paths = await HierarchyAsync("-d", "2");

        Assert.Equal("/", paths[0]);
        Assert.Contains("/user", paths);
        Assert.Contains("/system", paths);
        Assert.Contains("/system/petabridge-cmd", paths);
    }

    [Fact]
    public async Task Hierarchy_UnknownPath_FailsWithOneLine()
    {
        var (completed, _) = await RunAsync("actor", "hierarchy", "-s", "/user/ghost");

        Assert.Equal(CmdExitCodes.CommandFailed, completed.ExitCode);
        Assert.Equal("No local actor at '/user/ghost'.", completed.Error);
    }

    [Fact]
    public async Task Hierarchy_NegativeDepth_Fails()
    {
        var (completed, _) = await RunAsync("actor", "hierarchy", "-d", "-1");

        Assert.Equal(CmdExitCodes.CommandFailed, completed.ExitCode);
    }

    [Fact]
    public async Task System_Describes_NameLogLevelAndActorCount()
    {
        var record = await RecordAsync("actor", "system");

        Assert.Equal(Sys.Name, record["name"]);
        Assert.Equal("local", record["provider"]);
        Assert.True(int.Parse(record["actors"], System.Globalization.CultureInfo.InvariantCulture) >= 4);
        Assert.Equal("false", record["terminating"]);
        Assert.Contains(record["log-level"], new[] { "DEBUG", "INFO", "WARNING", "ERROR", "OFF" });
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            Receive<string>(_ => Sender.Tell("ready"));
        }

        protected override void PreStart()
        {
            Context.ActorOf(Props.Create(() => new Child()), "child-a");
            Context.ActorOf(Props.Create(() => new Child()), "child-b");
        }
    }

    private sealed class Child : ReceiveActor
    {
    }
}
