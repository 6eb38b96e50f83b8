namespace LithairAkka.Hocon.Tests;

public partial class ConfigTests
{
    private static readonly Config Sample = ConfigurationFactory.ParseString(
        """
        akka {
          loglevel = INFO
          remote.dot-netty.tcp { hostname = "127.0.0.1", port = 4053 }
          actor {
            serializers { json = "Akka.Serialization.NewtonSoftJsonSerializer", bytes = "Akka.Serialization.ByteArraySerializer" }
            serialization-bindings { "System.Object" = json, "System.Byte[]" = bytes, "Ignored" = null }
          }
          cluster {
            seed-nodes = [ "akka.tcp://sys@a:1", "akka.tcp://sys@b:2" ]
            roles = []
          }
        }
        numbers { int = 42, big = 9000000000, negative = -7, real = 2.5, exp = 1e3, text = "17", not-int = 1.5, word = abc }
        flags { t = true, f = false, yes = yes, off = off, upper = ON, bad = maybe }
        nothing = null
        shards = [ { id = 1 }, { id = 2 } ]
        """,
        new HoconParseOptions { OriginName = "node.conf" });

    [Fact]
    public void Empty_HasNoKeysAndAnswersDefaults()
    {
        Assert.True(Config.Empty.IsEmpty);
        Assert.Empty(Config.Empty.Keys);
        Assert.Same(Config.Empty, ConfigurationFactory.Empty);
        Assert.Equal("d", Config.Empty.GetString("a.b", "d"));
    }

    [Fact]
    public void HasPath_IsTrueForValuesFalseForAbsentAndNull()
    {
        Assert.True(Sample.HasPath("akka.remote.dot-netty.tcp.port"));
        Assert.True(Sample.HasPath("akka.remote"));
        Assert.False(Sample.HasPath("akka.remote.nope"));
        Assert.False(Sample.HasPath("akka.loglevel.deeper"));
        Assert.False(Sample.HasPath("nothing"));
    }

    [Fact]
    public void Keys_AreTheRootKeysInOrder()
    {
        Assert.Equal(["akka", "numbers", "flags", "nothing", "shards"], Sample.Keys);
    }

    [Fact]
    public void Origin_IsTheParsedName_ValueOriginsHaveLines()
    {
        Assert.Equal("node.conf", Sample.Origin);
        Assert.Equal("node.conf:3", Sample.GetValue("akka.remote.dot-netty.tcp.port")!.Origin);
    }

    [Fact]
    public void GetConfig_ReturnsTheSubtree_OrEmptyWhenAbsent()
    {
        var tcp = Sample.GetConfig("akka.remote.dot-netty.tcp");

        Assert.Equal(4053, tcp.GetInt("port"));
        Assert.Same(Config.Empty, Sample.GetConfig("akka.nope"));
        Assert.Same(Config.Empty, Sample.GetConfig("nothing"));
    }

    [Fact]
    public void GetConfig_OnAScalar_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => Sample.GetConfig("akka.loglevel"));

        Assert.Contains("(expected an object)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetConfigList_ReturnsOneConfigPerObject()
    {
        Assert.Equal([1, 2], Sample.GetConfigList("shards").Select(c => c.GetInt("id")));
        Assert.Empty(Sample.GetConfigList("absent"));
        Assert.Throws<ConfigurationException>(() => Sample.GetConfigList("akka.cluster.seed-nodes"));
    }

    [Fact]
    public void GetStringList_ReturnsElements_DefaultWhenAbsent()
    {
        Assert.Equal(["akka.tcp://sys@a:1", "akka.tcp://sys@b:2"], Sample.GetStringList("akka.cluster.seed-nodes"));
        Assert.Empty(Sample.GetStringList("akka.cluster.roles"));
        Assert.Equal(["x"], Sample.GetStringList("akka.cluster.absent", ["x"]));
        Assert.Throws<ConfigurationException>(() => Sample.GetStringList("akka.cluster.absent"));
        Assert.Throws<ConfigurationException>(() => Sample.GetStringList("akka.loglevel"));
        Assert.Throws<ConfigurationException>(() => Sample.GetStringList("shards"));
    }

    [Fact]
    public void GetKeys_ListsChildren_EmptyWhenAbsent()
    {
        Assert.Equal(["json", "bytes"], Sample.GetKeys("akka.actor.serializers"));
        Assert.Empty(Sample.GetKeys("akka.actor.absent"));
        Assert.Throws<ConfigurationException>(() => Sample.GetKeys("akka.loglevel"));
    }

    [Fact]
    public void GetStringMap_ReturnsChildrenAsStrings_SkipsNulls()
    {
        var bindings = Sample.GetStringMap("akka.actor.serialization-bindings");

        Assert.Equal(2, bindings.Count);
        Assert.Equal("json", bindings["System.Object"]);
        Assert.Equal("bytes", bindings["System.Byte[]"]);
        Assert.Empty(Sample.GetStringMap("akka.actor.absent"));
        Assert.Equal("Akka.Serialization.NewtonSoftJsonSerializer", Sample.GetStringMap("akka.actor.serializers")["json"]);
    }

    [Fact]
    public void GetStringMap_WithObjectChild_Throws()
    {
        Assert.Throws<ConfigurationException>(() => Sample.GetStringMap("akka.actor"));
    }

    [Fact]
    public void GetValue_WithQuotedKeyInPath_FindsIt()
    {
        Assert.Equal("json", ((HoconScalar)Sample.GetValue("akka.actor.serialization-bindings.\"System.Object\"")!).Text);
    }

    [Fact]
    public void GetValue_InvalidPathExpression_Throws()
    {
        Assert.Throws<ConfigurationException>(() => Sample.GetValue("akka..remote"));
    }

    [Fact]
    public void Root_EnumeratesResolvedValues()
    {
        var numbers = (HoconObject)Sample.Root["numbers"];

        Assert.Equal(8, numbers.Count);
        Assert.True(numbers.ContainsKey("int"));
        Assert.Equal("42", ((HoconScalar)numbers["int"]).Text);
    }

    [Fact]
    public void Config_IsSafeToReadFromManyThreads()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<int>();

        Parallel.For(0, 64, _ => results.Add(Sample.GetInt("akka.remote.dot-netty.tcp.port")));

        Assert.All(results, r => Assert.Equal(4053, r));
    }
}
