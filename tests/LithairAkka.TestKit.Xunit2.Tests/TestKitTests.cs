using LithairAkka.Actors;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LithairAkka.TestKit.Xunit2.Tests;

public class TestKitTests(ITestOutputHelper output) : TestKit("akka.test.single-expect-default = 300ms", output)
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }

    [Fact]
    public void ExpectMsg_Type_ReturnsMessage()
    {
        TestActor.Tell("hello");

        Assert.Equal("hello", ExpectMsg<string>());
    }

    [Fact]
    public void ExpectMsg_WrongType_FailsWithClearMessage()
    {
        TestActor.Tell(42);

        var e = Assert.ThrowsAny<XunitException>(() => ExpectMsg<string>());

        Assert.Contains("Expected a message of type String but received {42}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_Timeout_FailsNamingTheType()
    {
        var e = Assert.ThrowsAny<XunitException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));

        Assert.StartsWith("Timeout (00:00:00.0500000) while waiting for message of type String", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_DefaultTimeout_IsSingleExpectDefault()
    {
        var e = Assert.ThrowsAny<XunitException>(() => ExpectMsg<int>());

        Assert.Contains("00:00:00.3000000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_Value_ComparesWithEquals()
    {
        TestActor.Tell("a");
        TestActor.Tell("b");

        ExpectMsg("a");
        Assert.ThrowsAny<XunitException>(() => ExpectMsg("x"));
    }

    [Fact]
    public void ExpectMsg_PredicateAndAssert_Variants()
    {
        TestActor.Tell(5);
        TestActor.Tell(6);
        TestActor.Tell(7);

        ExpectMsg<int>(i => i == 5);
        ExpectMsg<int>(i => Assert.Equal(6, i));
        Assert.ThrowsAny<XunitException>(() => ExpectMsg<int>(i => i == 100));
    }

    [Fact]
    public async Task ExpectMsgAsync_Works()
    {
        TestActor.Tell("async");

        Assert.Equal("async", await ExpectMsgAsync<string>());
        await Assert.ThrowsAnyAsync<XunitException>(() => ExpectMsgAsync<string>(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void ExpectNoMsg_MessageArrives_Fails()
    {
        TestActor.Tell("surprise");

        var e = Assert.ThrowsAny<XunitException>(() => ExpectNoMsg(TimeSpan.FromMilliseconds(50)));

        Assert.Contains("Expected no message but received \"surprise\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_Quiet_Passes() => ExpectNoMsg(TimeSpan.FromMilliseconds(50));

    [Fact]
    public void ImplicitSender_IsTheTestActor()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());

        echo.Tell("ping");

        ExpectMsg("ping");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void ReceiveN_ReturnsInOrder_OrFails()
    {
        TestActor.Tell(1);
        TestActor.Tell(2);

        Assert.Equal([1, 2], ReceiveN(2).Cast<int>());
        Assert.ThrowsAny<XunitException>(() => ReceiveN(1, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void FishForMessage_SkipsNonMatching()
    {
        TestActor.Tell("skip");
        TestActor.Tell(1);
        TestActor.Tell("take");

        Assert.Equal("take", FishForMessage<string>(s => s == "take"));
    }

    [Fact]
    public void ExpectMsgAnyOf_And_AllOf()
    {
        TestActor.Tell("b");
        ExpectMsgAnyOf("a", "b");

        TestActor.Tell(2);
        TestActor.Tell(1);
        ExpectMsgAllOf(1, 2);

        TestActor.Tell("z");
        Assert.ThrowsAny<XunitException>(() => ExpectMsgAnyOf("a", "b"));
    }

    [Fact]
    public void Within_ExpectationsUseRemainingTime()
    {
        Within(TimeSpan.FromMilliseconds(500), () =>
        {
            Assert.True(RemainingOrDefault <= TimeSpan.FromMilliseconds(500));
            TestActor.Tell("inside");
            ExpectMsg("inside");
        });
    }

    [Fact]
    public void Within_BlockFasterThanMin_Fails()
    {
        var e = Assert.ThrowsAny<XunitException>(() => Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => { }));

        Assert.Contains("should at least have been", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_BlockSlowerThanMax_Fails()
    {
        var e = Assert.ThrowsAny<XunitException>(() => Within(TimeSpan.FromMilliseconds(50), () => ExpectNoMsg(TimeSpan.FromMilliseconds(150))));

        Assert.Contains("exceeding", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwaitCondition_BecomesTrue_Passes()
    {
        var flag = 0;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(50), () => Volatile.Write(ref flag, 1));

        AwaitCondition(() => Volatile.Read(ref flag) == 1, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void AwaitCondition_NeverTrue_Fails() =>
        Assert.ThrowsAny<XunitException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(100), message: "never"));

    [Fact]
    public void AwaitAssert_RethrowsLastFailure()
    {
        var attempts = 0;

        var e = Assert.ThrowsAny<XunitException>(() => AwaitAssert(() =>
        {
            attempts++;
            Assert.Equal(1, 2);
        }, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(20)));

        Assert.True(attempts > 1);
        Assert.Contains("Assert.Equal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwaitAssert_EventuallyPasses()
    {
        var attempts = 0;

        AwaitAssert(() => Assert.True(++attempts >= 3), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public void Watch_ExpectTerminated()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Watch(echo);

        Sys.Stop(echo);

        ExpectTerminated(echo);
    }

    [Fact]
    public void ExpectTerminated_OtherActor_Fails()
    {
        var a = Sys.ActorOf(Props.Create<Echo>());
        var b = Sys.ActorOf(Props.Create<Echo>());
        Watch(a);
        Sys.Stop(a);

        Assert.ThrowsAny<XunitException>(() => ExpectTerminated(b));
    }

    [Fact]
    public void Dilated_UsesTimeFactor()
    {
        using var kit = new TestKit("akka.test.timefactor = 2.5");

        Assert.Equal(TimeSpan.FromSeconds(5), kit.Dilated(TimeSpan.FromSeconds(2)));
        Assert.Equal(2.5, kit.TestKitSettings.TestTimeFactor);
    }

    [Fact]
    public void SystemName_IsTheTestClassName() => Assert.Equal(nameof(TestKitTests), Sys.Name);
}
