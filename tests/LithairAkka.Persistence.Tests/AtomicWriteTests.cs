namespace LithairAkka.Persistence.Tests;

public class AtomicWriteTests
{
    [Fact]
    public void Constructor_SeveralEvents_ExposesTheirRange()
    {
        var write = new AtomicWrite([new Persistent("a", 3, "p"), new Persistent("b", 4, "p")]);

        Assert.Equal("p", write.PersistenceId);
        Assert.Equal(3, write.LowestSequenceNr);
        Assert.Equal(4, write.HighestSequenceNr);
        Assert.Equal(2, write.Size);
    }

    [Fact]
    public void Constructor_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AtomicWrite(Array.Empty<Persistent>()));
    }

    [Fact]
    public void Constructor_TwoPersistenceIds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AtomicWrite([new Persistent("a", 1, "p"), new Persistent("b", 2, "q")]));
    }

    [Fact]
    public void Constructor_DescendingSequenceNrs_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AtomicWrite([new Persistent("a", 2, "p"), new Persistent("b", 2, "p")]));
    }
}
