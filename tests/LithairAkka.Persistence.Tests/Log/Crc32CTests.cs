using System.Text;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Tests.Log;

public sealed class Crc32CTests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x22620404u)]
    public void Compute_KnownVectors_MatchCastagnoliReference(string text, uint expected)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        Assert.Equal(expected, Crc32C.Compute(bytes));
        Assert.Equal(expected, Crc32C.ComputeWithTable(bytes));
    }

    [Fact]
    public void Compute_32ZeroBytes_MatchesIscsiTestVector()
    {
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
    }

    [Fact]
    public void Append_SplitAnywhere_EqualsOneShotAndTablePath()
    {
        var data = new byte[1031];
        new Random(7).NextBytes(data);
        var whole = Crc32C.Compute(data);

        Assert.Equal(whole, Crc32C.ComputeWithTable(data));
        foreach (var split in new[] { 0, 1, 7, 8, 9, 500, 1030, 1031 })
        {
            Assert.Equal(whole, Crc32C.Append(Crc32C.Compute(data.AsSpan(0, split)), data.AsSpan(split)));
        }
    }
}
