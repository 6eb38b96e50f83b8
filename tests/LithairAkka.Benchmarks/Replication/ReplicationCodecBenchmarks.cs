using BenchmarkDotNet.Attributes;
using LithairAkka.Actors;
using LithairAkka.Actors.Serialization;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Benchmarks.Replication;

/// <summary>
/// Encode and decode times of the replication wire serializer (<c>lithair-raft</c>, id 61) for its hot messages: an
/// append carrying 100 entries of 64 bytes (a full <c>batch-size</c>), an empty heartbeat-style append, and a
/// heartbeat. Encoding writes into a reused buffer, as the remote endpoint does.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls GlobalCleanup, which terminates the system.")]
public class ReplicationCodecBenchmarks
{
    private ActorSystem _system = null!;
    private Serializer _serializer = null!;
    private AppendEntriesRequest _append = null!;
    private AppendEntriesRequest _emptyAppend = null!;
    private HeartbeatRequest _heartbeat = null!;
    private byte[] _appendBytes = [];
    private byte[] _heartbeatBytes = [];
    private string _appendManifest = string.Empty;
    private string _heartbeatManifest = string.Empty;
    private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    /// <summary>Starts a local system (for the serializer registry) and prepares the messages.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("codec-bench");
        var group = new GroupId(1);
        var entries = Enumerable.Range(0, 100)
            .Select(i => new LogEntry(7, 10_001 + i, EntryKind.Normal, new byte[64]))
            .ToArray();
        _append = new AppendEntriesRequest(7, group, new NodeId(1), new NodeId(2), 10_000, 7, entries, 9_990);
        _emptyAppend = _append with { Entries = [] };
        _heartbeat = new HeartbeatRequest(7, group, new NodeId(1), new NodeId(2), 10_100, 3);
        _serializer = LithairAkka.Actors.Serialization.Serialization.Get(_system).FindSerializerFor(_append);
        _appendBytes = _serializer.ToBinary(_append);
        _heartbeatBytes = _serializer.ToBinary(_heartbeat);
        _appendManifest = _serializer.Manifest(_append);
        _heartbeatManifest = _serializer.Manifest(_heartbeat);
    }

    /// <summary>Terminates the system.</summary>
    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <summary>Encodes an append of 100 entries of 64 bytes.</summary>
    [Benchmark]
    public int EncodeAppend100()
    {
        _buffer.ResetWrittenCount();
        _serializer.ToBinary(_append, _buffer);
        return _buffer.WrittenCount;
    }

    /// <summary>Decodes an append of 100 entries of 64 bytes.</summary>
    [Benchmark]
    public object DecodeAppend100() => _serializer.FromBinary(_appendBytes.AsSpan(), _appendManifest);

    /// <summary>Encodes an append without entries.</summary>
    [Benchmark]
    public int EncodeEmptyAppend()
    {
        _buffer.ResetWrittenCount();
        _serializer.ToBinary(_emptyAppend, _buffer);
        return _buffer.WrittenCount;
    }

    /// <summary>Encodes a heartbeat.</summary>
    [Benchmark]
    public int EncodeHeartbeat()
    {
        _buffer.ResetWrittenCount();
        _serializer.ToBinary(_heartbeat, _buffer);
        return _buffer.WrittenCount;
    }

    /// <summary>Decodes a heartbeat.</summary>
    [Benchmark]
    public object DecodeHeartbeat() => _serializer.FromBinary(_heartbeatBytes.AsSpan(), _heartbeatManifest);
}
