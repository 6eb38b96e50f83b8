namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The consensus core of one replication group on one node: Raft as a pure, deterministic state machine in the shape
/// of etcd-io/raft. It performs no I/O, reads no clock, starts no thread and draws randomness only from the
/// <see cref="Random"/> it is given, so a seeded simulation replays exactly.
/// <para>
/// A host drives it with inputs: <see cref="Step"/> (a message from a peer), <see cref="Tick"/> (logical time),
/// <see cref="Propose"/>, <see cref="ProposeConfigChange"/>, <see cref="ReadIndex"/>, <see cref="TransferLeadership"/>,
/// <see cref="Campaign"/>, <see cref="SnapshotInstalled"/>/<see cref="SnapshotFailed"/> and
/// <see cref="Compact"/>. Whenever <see cref="HasReady"/> is true it takes a <see cref="Ready"/> with
/// <see cref="GetReady"/>, carries it out as documented on <see cref="Ready"/> (persist, then send, then apply) and
/// calls <see cref="Advance"/>. Inputs may be given while a Ready is being carried out; the next Ready can only be
/// taken after <see cref="Advance"/>.
/// </para>
/// <para>Not thread-safe: one owner (an actor) calls it. Exceptions signal a host bug (wrong group, a Ready advanced
/// twice) or corrupt persisted state; the core must then be discarded.</para>
/// </summary>
public sealed partial class RaftCore
{
    private readonly Random _random;
    private readonly List<RaftMessage> _outbox = [];
    private readonly List<ReadState> _readsAwaitingApply = [];
    private long _term;
    private NodeId? _votedFor;
    private NodeId? _leader;

    /// <summary>Restores a core from what its host persisted.</summary>
    /// <param name="id">This node.</param>
    /// <param name="group">The replication group.</param>
    /// <param name="options">The tuning; validated here.</param>
    /// <param name="state">What the host persisted (or <see cref="RaftPersistentState.Bootstrap"/> /
    /// <see cref="RaftPersistentState.Joining"/> for a new member).</param>
    /// <param name="random">The only source of randomness (election timeouts); seed it for a reproducible run.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The persisted state is inconsistent.</exception>
    public RaftCore(NodeId id, GroupId group, RaftOptions options, RaftPersistentState state, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        Id = id;
        Group = group;
        Options = options;
        _random = random;
        Log = new RaftLog(state.Snapshot, state.Entries);
        var commit = Math.Max(state.HardState.Commit, state.Snapshot.Index);
        Log.Restart(commit, state.AppliedIndex ?? state.Snapshot.Index);
        if (state.HardState.Term < Log.LastTerm)
        {
            throw new ArgumentException(
                $"Persisted term {state.HardState.Term} is below the last entry's term {Log.LastTerm}.", nameof(state));
        }

        _term = state.HardState.Term;
        _votedFor = state.HardState.VotedFor;
        CurrentRole = new FollowerRole(this);
        _lastHardState = CurrentHardState;
        _lastSoftState = CurrentSoftState;
        ResetRandomizedElectionTimeout();
    }

    /// <summary>This node.</summary>
    public NodeId Id { get; }

    /// <summary>The replication group.</summary>
    public GroupId Group { get; }

    /// <summary>The tuning in force.</summary>
    public RaftOptions Options { get; }

    /// <summary>The current role.</summary>
    public NodeRole Role => CurrentRole.Kind;

    /// <summary>The current term.</summary>
    public long Term => _term;

    /// <summary>The leader known in the current term (this node when it leads), or <c>null</c>.</summary>
    public NodeId? Leader => _leader;

    /// <summary>The highest index known to be committed.</summary>
    public long CommitIndex => Log.CommitIndex;

    /// <summary>The last index the host acknowledged as applied (through <see cref="Advance"/>).</summary>
    public long AppliedIndex => Log.AppliedIndex;

    /// <summary>
    /// The index of the snapshot the log starts after: the latest one the host took (<see cref="Compact"/>) or received
    /// from the leader. While a received snapshot is being installed it is above <see cref="AppliedIndex"/>, and no new
    /// snapshot can be taken until it is (see <see cref="CreateSnapshotMetadata"/>).
    /// </summary>
    public long SnapshotIndex => Log.Snapshot.Index;

    /// <summary>The index of the last log entry.</summary>
    public long LastIndex => Log.LastIndex;

    /// <summary>The configuration in force: the latest in the log, committed or not (thesis §4.1).</summary>
    public Configuration Configuration => Log.Configuration;

    internal RaftLog Log { get; }

    internal RaftRole CurrentRole { get; private set; }

    /// <summary>Ticks since the leader was last heard from (follower), since the election started (candidate) or since
    /// the last check-quorum (leader).</summary>
    internal int ElectionElapsed { get; set; }

    internal int RandomizedElectionTimeout { get; private set; }

    /// <summary>
    /// Whether this node may campaign: a voter of its latest configuration, or of the committed one while the change
    /// that removes it is not committed yet. Thesis §4.2.2: such a server may still be needed (it may hold the most
    /// up-to-date log), so it campaigns, but it does not count its own vote. Learners never campaign.
    /// </summary>
    internal bool IsPromotable =>
        Log.Configuration.IsVoter(Id)
        || (Log.LastConfigurationIndex > Log.CommitIndex && Log.ConfigurationAt(Log.CommitIndex).IsVoter(Id));

    /// <summary>
    /// Whether this node heard from a live leader within the minimum election timeout (a leader always holds its own
    /// lease). Such a node refuses votes and pre-votes for others (thesis §4.2.3 and §9.6).
    /// </summary>
    internal bool InLease => _leader is not null && ElectionElapsed < Options.ElectionTimeoutMinTicks;

    private HardState CurrentHardState => new(_term, _votedFor, Log.CommitIndex);

    private SoftState CurrentSoftState => new(CurrentRole.Kind, _leader, _term);

    /// <summary>A copy of the core's state, for monitoring.</summary>
    /// <returns>The status.</returns>
    public RaftStatus GetStatus()
    {
        var leader = CurrentRole as LeaderRole;
        return new RaftStatus(
            Id,
            Group,
            Role,
            _term,
            _leader,
            Log.CommitIndex,
            Log.AppliedIndex,
            Log.FirstIndex,
            Log.LastIndex,
            Log.Configuration,
            leader?.TransferTarget,
            leader is null ? [] : [.. leader.Followers]);
    }

    internal void Send(RaftMessage message) => _outbox.Add(message);

    /// <summary>Queues a confirmed read until the state machine reaches its index.</summary>
    internal void AwaitApply(ReadState read) => _readsAwaitingApply.Add(read);

    /// <summary>A message of the current term came from the leader: it is alive and leads.</summary>
    internal void HeardFromLeader(NodeId leader)
    {
        ElectionElapsed = 0;
        _leader = leader;
    }
}
