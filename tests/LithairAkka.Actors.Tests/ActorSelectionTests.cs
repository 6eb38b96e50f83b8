using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class ActorSelectionTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private sealed class Node : ReceiveActor
    {
        public Node()
        {
            Receive<string[]>(names =>
            {
                foreach (var name in names)
                {
                    Context.ActorOf(Props.Create<Node>(), name);
                }

                Sender.Tell("created");
            });
            Receive<(string Path, object Message)>(m => Context.ActorSelection(m.Path).Tell(m.Message, Sender));
            ReceiveAny(m => Sender.Tell($"{Self.Path.Name}:{m}"));
        }
    }

    private IActorRef CreateTree()
    {
        var root = Sys.ActorOf(Props.Create<Node>(), "root");
        root.Tell(new[] { "a1", "a2", "b1" });
        ExpectMsg("created");
        return root;
    }

    [Fact]
    public void Tell_AbsolutePath_ReachesActor()
    {
        CreateTree();

        Sys.ActorSelection("/user/root/a1").Tell("hi");
        ExpectMsg("a1:hi");
        Sys.ActorSelection($"akka://{Sys.Name}/user/root/b1").Tell("hi");
        ExpectMsg("b1:hi");
    }

    [Fact]
    public void Tell_Wildcard_ReachesAllMatchingChildren()
    {
        CreateTree();

        Sys.ActorSelection("/user/root/a*").Tell("hi");
        Assert.Equal(["a1:hi", "a2:hi"], ReceiveN(2).Cast<string>().Order());

        Sys.ActorSelection("/user/root/?1").Tell("q");
        Assert.Equal(["a1:q", "b1:q"], ReceiveN(2).Cast<string>().Order());
        Sys.ActorSelection("/user/root/*").Tell("all");
        Assert.Equal(3, ReceiveN(3).Count);
    }

    [Fact]
    public void Tell_RelativePathFromContext_ResolvesParentAndSiblings()
    {
        var root = CreateTree();
        root.Tell(new[] { "x" });
        ExpectMsg("created");

        Sys.ActorSelection("/user/root/x").Tell(("../a2", (object)"sibling"));
        ExpectMsg("a2:sibling");
        root.Tell(("a1", (object)"child"));
        ExpectMsg("a1:child");
    }

    [Fact]
    public void Identify_ExistingActor_AnswersWithRef()
    {
        CreateTree();

        Sys.ActorSelection("/user/root/a2").Tell(new Identify(42));

        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal(42, identity.MessageId);
        Assert.Equal("a2", identity.Subject!.Path.Name);
    }

    [Fact]
    public void Identify_MissingActor_AnswersEmpty()
    {
        CreateTree();

        Sys.ActorSelection("/user/root/missing").Tell(new Identify("x"));

        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal("x", identity.MessageId);
        Assert.Null(identity.Subject);
    }

    [Fact]
    public async Task ResolveOne_ExistingActor_ReturnsRef()
    {
        var root = CreateTree();

        var resolved = await Sys.ActorSelection("/user/root").ResolveOne(TimeSpan.FromSeconds(3));

        Assert.Equal(root, resolved);
    }

    [Fact]
    public async Task ResolveOne_MissingActor_ThrowsActorNotFound()
    {
        CreateTree();

        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/nothing/here").ResolveOne(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Selection_ToString_ShowsAnchorAndPath() =>
        Assert.Equal($"ActorSelection[Anchor(akka://{Sys.Name}/), Path(/user/a/*)]", Sys.ActorSelection("/user/a/*").ToString());
}
