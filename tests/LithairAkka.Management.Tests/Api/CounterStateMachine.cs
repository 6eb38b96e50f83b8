using System.Buffers.Binary;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Management.Tests.Api;

/// <summary>A test state machine: a command adds its 8-byte little-endian amount; the query "total" answers the sum.</summary>
internal sealed class CounterStateMachine : StateMachineActor
{
    private long _total;

    public static byte[] Amount(long amount)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, amount);
        return bytes;
    }

    protected override byte[] Apply(ReadOnlyMemory<byte> command)
    {
        if (command.Length == 8)
        {
            _total += BinaryPrimitives.ReadInt64LittleEndian(command.Span);
        }

        return Amount(_total);
    }

    protected override byte[] QueryBytes(ReadOnlyMemory<byte> query) =>
        query.Span.SequenceEqual("total"u8) ? Amount(_total) : throw new InvalidDataException("The counter answers only the query total.");

    protected override void WriteState(BinaryWriter output) => output.Write(_total);

    protected override void ReadState(BinaryReader input) => _total = input.ReadInt64();
}
