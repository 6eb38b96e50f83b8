using LithairAkka.Remote.Transport.Protocol;

namespace LithairAkka.Remote.Tests.Transport.Protocol;

public sealed class ControlMessagesTests
{
    private static readonly byte[] InitiatorHello = [1, 2, 3];
    private static readonly byte[] AcceptorHello = [4, 5, 6];

    [Fact]
    public void ComputeProof_SameInputs_SameProof()
    {
        var first = ControlMessages.ComputeProof("cookie", true, InitiatorHello, AcceptorHello);
        var second = ControlMessages.ComputeProof("cookie", true, InitiatorHello, AcceptorHello);

        Assert.Equal(ControlMessages.ProofSize, first.Length);
        Assert.True(ControlMessages.ProofMatches(first, second));
    }

    [Fact]
    public void ComputeProof_DifferentCookieRoleOrTranscript_DifferentProof()
    {
        var proof = ControlMessages.ComputeProof("cookie", true, InitiatorHello, AcceptorHello);

        Assert.False(ControlMessages.ProofMatches(proof, ControlMessages.ComputeProof("Cookie", true, InitiatorHello, AcceptorHello)));
        Assert.False(ControlMessages.ProofMatches(proof, ControlMessages.ComputeProof("cookie", false, InitiatorHello, AcceptorHello)));
        Assert.False(ControlMessages.ProofMatches(proof, ControlMessages.ComputeProof("cookie", true, AcceptorHello, InitiatorHello)));
        Assert.False(ControlMessages.ProofMatches(proof, ControlMessages.ComputeProof("cookie", true, [1, 2], [3, 4, 5, 6])));
    }

    [Fact]
    public void ComputeProof_EmptyCookie_Works()
    {
        var proof = ControlMessages.ComputeProof(string.Empty, true, InitiatorHello, AcceptorHello);

        Assert.Equal(ControlMessages.ProofSize, proof.Length);
    }

    [Fact]
    public void ProofMatches_WrongLength_False()
    {
        var proof = ControlMessages.ComputeProof("cookie", true, InitiatorHello, AcceptorHello);

        Assert.False(ControlMessages.ProofMatches(proof, proof.AsSpan(0, 31)));
    }

    [Fact]
    public void EncodeReason_ThenDecode_RoundTrips()
    {
        var body = ControlMessages.EncodeReason(ControlKind.Refuse, RefuseReason.SecureCookie, "secure cookie mismatch");

        var (reason, text) = ControlMessages.DecodeReason(body);

        Assert.Equal((byte)ControlKind.Refuse, body[0]);
        Assert.Equal(RefuseReason.SecureCookie, reason);
        Assert.Equal("secure cookie mismatch", text);
    }

    [Fact]
    public void DecodeReason_Truncated_GivesUnknown()
    {
        Assert.Equal(RefuseReason.Unknown, ControlMessages.DecodeReason([4, 3]).Reason);
    }
}
