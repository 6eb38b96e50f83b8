using LithairAkka.Actors.Dispatch;

namespace LithairAkka.Persistence.Tests.Actors;

public class EnvelopeDequeTests
{
    [Fact]
    public void AddLastAndAddFirstRange_ManyElements_KeepOrderAcrossGrowth()
    {
        var deque = new EnvelopeDeque();
        for (var i = 10; i < 30; i++)
        {
            deque.AddLast(new Envelope(i, null));
        }

        deque.AddFirstRange([.. Enumerable.Range(0, 10).Select(i => new Envelope(i, null))]);

        Assert.Equal(Enumerable.Range(0, 30).Cast<object>(), deque.Drain().Select(e => e.Message));
        Assert.Equal(0, deque.Count);
    }

    [Fact]
    public void RemoveFirst_AfterWrapAround_ReturnsFifoOrder()
    {
        var deque = new EnvelopeDeque();
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 6; i++)
            {
                deque.AddLast(new Envelope(round * 10 + i, null));
            }

            for (var i = 0; i < 6; i++)
            {
                Assert.Equal(round * 10 + i, deque.RemoveFirst().Message);
            }
        }
    }

    [Fact]
    public void RemoveFirst_Empty_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new EnvelopeDeque().RemoveFirst());
    }
}
