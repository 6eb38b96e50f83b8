using System.Runtime.Serialization;
using LithairAkka.Actors;
using LithairAkka.Remote.Serialization;

namespace LithairAkka.Remote.Tests.Serialization;

public sealed class MiscMessageSerializerTests(SerializerTestNode node) : IClassFixture<SerializerTestNode>
{
    [Fact]
    public void Identify_WithPayload_RoundTrips() =>
        Assert.Equal("correlation", node.RoundTrip(new Identify("correlation"), MiscMessageSerializer.Id).MessageId);

    [Fact]
    public void ActorIdentity_WithLocalRef_ResolvesToTheSameActor()
    {
        var actor = node.System.ActorOf(Props.Create(() => new Support.EchoActor()));

        var identity = node.RoundTrip(new ActorIdentity(7, actor), MiscMessageSerializer.Id);

        Assert.Equal(7, identity.MessageId);
        Assert.Same(actor, identity.Subject);
    }

    [Fact]
    public void ActorIdentity_WithoutSubject_StaysEmpty() =>
        Assert.Null(node.RoundTrip(new ActorIdentity(null, null), MiscMessageSerializer.Id).Subject);

    [Fact]
    public void PoisonPillAndKill_RoundTripToTheSingletons()
    {
        Assert.Same(PoisonPill.Instance, node.RoundTrip(PoisonPill.Instance, MiscMessageSerializer.Id));
        Assert.Same(Kill.Instance, node.RoundTrip(Kill.Instance, MiscMessageSerializer.Id));
    }

    [Fact]
    public void StatusSuccess_WithPayload_RoundTrips() =>
        Assert.Equal(42L, node.RoundTrip(new Status.Success(42L), MiscMessageSerializer.Id).Result);

    [Fact]
    public void StatusFailure_KnownExceptionType_IsRecreatedWithMessageAndRemoteStackTrace()
    {
        Exception cause;
        try
        {
            throw new InvalidOperationException("boom", new ArgumentException("inner"));
        }
        catch (InvalidOperationException e)
        {
            cause = e;
        }

        var failure = node.RoundTrip(new Status.Failure(cause), MiscMessageSerializer.Id);

        var recreated = Assert.IsType<InvalidOperationException>(failure.Cause);
        Assert.Equal("boom", recreated.Message);
        Assert.IsType<ArgumentException>(recreated.InnerException);
        Assert.Contains(nameof(StatusFailure_KnownExceptionType_IsRecreatedWithMessageAndRemoteStackTrace), (string)recreated.Data[ExceptionCodec.RemoteStackTraceKey]!, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusFailure_ExceptionWithoutMessageConstructor_BecomesAnAkkaExceptionNamingTheType()
    {
        var failure = node.RoundTrip(new Status.Failure(new NoMessageConstructorException()), MiscMessageSerializer.Id);

        var recreated = Assert.IsType<AkkaException>(failure.Cause);
        Assert.Contains(nameof(NoMessageConstructorException), recreated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Heartbeats_RoundTrip()
    {
        Assert.Same(RemoteWatcher.Heartbeat.Instance, node.RoundTrip(RemoteWatcher.Heartbeat.Instance, MiscMessageSerializer.Id));
        Assert.Equal(-123456789L, node.RoundTrip(new RemoteWatcher.HeartbeatRsp(-123456789L), MiscMessageSerializer.Id).AddressUid);
    }

    [Fact]
    public void FromBinary_UnknownManifest_ThrowsSerializationException()
    {
        var serializer = node.Registry.GetSerializerByName("akka-misc")!;

        Assert.Throws<SerializationException>(() => serializer.FromBinary([], "nope"));
    }

    [Fact]
    public void FromBinary_TruncatedPayload_ThrowsSerializationException()
    {
        var serializer = node.Registry.GetSerializerByName("akka-misc")!;
        var bytes = serializer.ToBinary(new RemoteWatcher.HeartbeatRsp(long.MaxValue));

        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes.AsSpan(0, 2), "HBR"));
    }

    private sealed class NoMessageConstructorException : Exception
    {
        public NoMessageConstructorException()
            : base("custom")
        {
        }
    }
}
