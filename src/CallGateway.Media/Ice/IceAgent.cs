using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CallGateway.Media.Stun;
using Microsoft.Extensions.Logging;

namespace CallGateway.Media.Ice;

/// <summary>
/// An ICE agent (RFC 8445) for one media stream with one component over UDP host candidates, with consent freshness
/// (RFC 7675). It owns no socket: the media session feeds it STUN packets (<see cref="ProcessStun"/>) after
/// RFC 7983 demultiplexing and gives it an <see cref="IIceDatagramSender"/> to send with.
/// </summary>
/// <remarks>
/// <para>Modes and roles. Full controlling (towards Meta, which is ICE-lite; RFC 8445 §6.1.1 makes the full agent
/// controlling, and <see cref="Start"/> enforces that when the remote is lite): paced checks, then regular
/// nomination (one USE-CANDIDATE check on the first pair that succeeds). Full controlled (towards a controlling
/// browser): checks too, answers checks with triggered checks, selects the pair the peer nominates. Lite: never
/// sends checks, answers authenticated checks, always controlled, selects the latest USE-CANDIDATE pair and fails
/// when no authenticated check arrives for <see cref="IceAgentOptions.ConsentExpiry"/>.</para>
/// <para>Security. STUN from addresses refused by <see cref="RemoteAddressPolicy"/> is dropped unanswered.
/// Requests need USERNAME "localUfrag:remoteUfrag" and MESSAGE-INTEGRITY keyed by the local password; responses
/// need MESSAGE-INTEGRITY keyed by the remote password, a known transaction ID and a symmetric source.
/// <see cref="IsPermittedSource"/> is true only for endpoints that proved the credentials this way.</para>
/// <para>Threading. All state is guarded by one private lock. <see cref="ProcessStun"/> may be called from the
/// socket receive loop while the agent's timer runs on the thread pool. Datagrams are sent while the lock is held
/// (see <see cref="IIceDatagramSender"/>), which is what guarantees nothing is sent after <see cref="Dispose"/>
/// returns. Events are raised without the lock, one at a time and in order, on whichever thread caused them (the
/// receive loop or a timer thread); handlers must be quick and may call back into the agent. No event is raised
/// after <see cref="Dispose"/> returns (one that is already running may finish).</para>
/// </remarks>
public sealed partial class IceAgent : IDisposable
{
    private static readonly StunAttributeType[] UnderstoodAttributes =
    [
        StunAttributeType.Username, StunAttributeType.MessageIntegrity, StunAttributeType.Priority,
        StunAttributeType.UseCandidate, StunAttributeType.XorMappedAddress, StunAttributeType.MappedAddress,
        StunAttributeType.ErrorCode, StunAttributeType.UnknownAttributes,
    ];

    private readonly Lock _gate = new();
    private readonly IceAgentOptions _options;
    private readonly IceCredentials _local;
    private readonly byte[] _localKey;
    private readonly byte[] _localUsernamePrefix;
    private readonly IceCandidate[] _localCandidates;
    private readonly IReadOnlyList<IceCandidate> _localCandidatesView;
    private readonly IIceDatagramSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _epoch;
    private readonly ITimer _timer;
    private readonly ulong _tieBreaker;
    private readonly List<IceCandidate> _remoteCandidates = [];
    private readonly List<IceCandidatePair> _pairs = [];
    private readonly IcePermittedSources _permitted = new();
    private readonly Queue<EventArgs> _pendingEvents = new();

    private IceCredentials? _remote;
    private byte[]? _remoteKey;
    private byte[]? _expectedInboundUsername;
    private string? _outboundUsername;
    private bool _remoteIsLite;
    private IceRole _role;
    private bool _started;
    private volatile bool _disposed;
    private bool _dispatching;
    private volatile IceConnectionState _state;
    private IceCandidatePair? _selected;
    private volatile IPEndPoint? _selectedRemote;
    private int _prflxCounter;

    /// <summary>Creates an agent. Nothing is sent before <see cref="Start"/>.</summary>
    /// <param name="options">Copied; later changes have no effect.</param>
    /// <param name="localCredentials">Our ufrag/password (also put in our SDP).</param>
    /// <param name="localCandidates">Our host candidates (advertised addresses of the one socket); at least one.</param>
    /// <param name="sender">Sends datagrams from that socket.</param>
    /// <param name="timeProvider">Clock and timers.</param>
    /// <param name="logger">Logger; passwords are never logged.</param>
    public IceAgent(
        IceAgentOptions options,
        IceCredentials localCredentials,
        IEnumerable<IceCandidate> localCandidates,
        IIceDatagramSender sender,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(localCredentials);
        ArgumentNullException.ThrowIfNull(localCandidates);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _options = Copy(options);
        _local = localCredentials;
        _localKey = StunCredentials.ShortTermKey(localCredentials.Password);
        _localUsernamePrefix = Encoding.UTF8.GetBytes(localCredentials.Ufrag + ":");
        _localCandidates = ValidateLocalCandidates(localCandidates);
        _localCandidatesView = Array.AsReadOnly(_localCandidates);
        _sender = sender;
        _time = timeProvider;
        _logger = logger;
        _tieBreaker = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        _role = _options.Mode == IceMode.Lite ? IceRole.Controlled : IceRole.Controlling;
        _epoch = timeProvider.GetTimestamp();
        _timer = timeProvider.CreateTimer(
            static state => ((IceAgent)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised on every state change (not for Closed). See the threading remarks.</summary>
    public event EventHandler<IceStateChangedEventArgs>? StateChanged;

    /// <summary>Raised when a pair is selected or the selection moves (e.g. a lite agent's new nomination).</summary>
    public event EventHandler<IceSelectedPairChangedEventArgs>? SelectedPairChanged;

    /// <summary>Full or lite.</summary>
    public IceMode Mode => _options.Mode;

    /// <summary>Our credentials.</summary>
    public IceCredentials LocalCredentials => _local;

    /// <summary>Our candidates (as given, IPv4-mapped addresses unmapped).</summary>
    public IReadOnlyList<IceCandidate> LocalCandidates => _localCandidatesView;

    /// <summary>Current state; lock-free read.</summary>
    public IceConnectionState State => _state;

    /// <summary>Where to send media: the remote address of the selected pair, or null. Lock-free read.</summary>
    public IPEndPoint? SelectedRemote => _selectedRemote;

    /// <summary>Current role (may change once through role-conflict resolution, RFC 8445 §7.3.1.1).</summary>
    public IceRole Role
    {
        get
        {
            lock (_gate)
            {
                return _role;
            }
        }
    }

    /// <summary>The selected pair's remote candidate, or null.</summary>
    public IceCandidate? SelectedRemoteCandidate
    {
        get
        {
            lock (_gate)
            {
                return _selected?.Remote;
            }
        }
    }

    /// <summary>The remote candidates accepted so far (signalled and peer-reflexive).</summary>
    public IReadOnlyList<IceCandidate> RemoteCandidates
    {
        get
        {
            lock (_gate)
            {
                return [.. _remoteCandidates];
            }
        }
    }

    /// <summary>The 64-bit role tie-breaker (RFC 8445 §7.1.1), exposed for diagnostics and tests.</summary>
    internal ulong TieBreaker => _tieBreaker;

    /// <summary>
    /// Sets the remote credentials and candidates from the remote description. Candidates refused by the address
    /// policy, not UDP, not component 1, or beyond <see cref="IceAgentOptions.MaxRemoteCandidates"/> (highest
    /// priority kept) are skipped and logged. May be called before or after <see cref="Start"/>; calling it again
    /// with the same credentials adds candidates, with different ones throws (ICE restart is not supported).
    /// </summary>
    /// <exception cref="InvalidOperationException">Different credentials than an earlier call.</exception>
    public void SetRemote(IceCredentials remote, IEnumerable<IceCandidate> candidates, bool remoteIsLite)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(candidates);
        var ordered = new List<IceCandidate>(candidates);
        ordered.Sort(static (a, b) => b.Priority.CompareTo(a.Priority));
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_remote is not null && _remote != remote)
            {
                throw new InvalidOperationException("The remote ICE credentials changed; ICE restart is not supported.");
            }

            _remote = remote;
            _remoteKey = StunCredentials.ShortTermKey(remote.Password);
            _expectedInboundUsername = Encoding.UTF8.GetBytes(_local.Ufrag + ":" + remote.Ufrag);
            _outboundUsername = remote.Ufrag + ":" + _local.Ufrag;
            _remoteIsLite = remoteIsLite;
            if (_started && remoteIsLite && _options.Mode == IceMode.Full && _role == IceRole.Controlled)
            {
                IceAgentLog.ForcedControlling(_logger);
                SwitchRoleLocked(IceRole.Controlling);
            }

            foreach (IceCandidate candidate in ordered)
            {
                AddRemoteCandidateLocked(candidate);
            }

            ReplayEarlyChecksLocked(Now);
            RescheduleLocked(Now);
        }

        FlushEvents();
    }

    /// <summary>Adds one trickled remote candidate (same rules as <see cref="SetRemote"/>).</summary>
    /// <returns>True when the candidate was accepted (or was already known).</returns>
    public bool AddRemoteCandidate(IceCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        bool accepted;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            accepted = AddRemoteCandidateLocked(candidate) is not null;
            RescheduleLocked(Now);
        }

        FlushEvents();
        return accepted;
    }

    /// <summary>
    /// Starts checking (full) or listening (lite). A lite agent is always controlled and a full agent facing a lite
    /// remote is always controlling (RFC 8445 §6.1.1), whatever <paramref name="controlling"/> says.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start(bool controlling)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                throw new InvalidOperationException("The ICE agent is already started.");
            }

            IceRole role = _options.Mode == IceMode.Lite ? IceRole.Controlled
                : controlling || _remoteIsLite ? IceRole.Controlling
                : IceRole.Controlled;
            if (!controlling && _remoteIsLite && _options.Mode == IceMode.Full)
            {
                IceAgentLog.ForcedControlling(_logger);
            }

            _started = true;
            TimeSpan now = Now;
            SwitchRoleLocked(role);
            _checkingDeadline = now + _options.CheckingTimeout;
            _lastCheckAt = now - _options.Ta;
            SetStateLocked(IceConnectionState.Checking);
            IceAgentLog.Started(_logger, _options.Mode, _role, _pairs.Count);
            ReplayEarlyChecksLocked(now);
            RescheduleLocked(now);
        }

        FlushEvents();
    }

    /// <summary>
    /// True when <paramref name="source"/> proved the ICE credentials: it sent us an authenticated check, or
    /// answered ours with an authenticated, symmetric response. The media session drops DTLS/RTP from anyone else.
    /// Lock-free; false after failure or disposal.
    /// </summary>
    public bool IsPermittedSource(IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_disposed)
        {
            return false;
        }

        IPEndPoint candidate = source.Address.IsIPv4MappedToIPv6
            ? new IPEndPoint(source.Address.MapToIPv4(), source.Port)
            : source;
        IPEndPoint? selected = _selectedRemote;
        return (selected is not null && selected.Port == candidate.Port && selected.Address.Equals(candidate.Address))
            || _permitted.Contains(candidate);
    }

    /// <summary>
    /// Stops the agent: no datagram is sent and no event raised after this returns. State becomes Closed silently.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _state = IceConnectionState.Closed;
            _selectedRemote = null;
            _transactions.Clear();
            _triggered.Clear();
            _pendingEvents.Clear();
            _permitted.Clear();
        }

        _timer.Dispose();
    }

    private TimeSpan Now => _time.GetElapsedTime(_epoch);

    private static IceAgentOptions Copy(IceAgentOptions o) => new()
    {
        Mode = o.Mode,
        Ta = o.Ta,
        InitialRto = o.InitialRto,
        MaxRto = o.MaxRto,
        MaxTransmissions = o.MaxTransmissions,
        CheckingTimeout = o.CheckingTimeout,
        ConsentInterval = o.ConsentInterval,
        DisconnectedTimeout = o.DisconnectedTimeout,
        ConsentExpiry = o.ConsentExpiry,
        AddressPolicy = o.AddressPolicy,
        MaxRemoteCandidates = o.MaxRemoteCandidates,
        MaxCandidatePairs = o.MaxCandidatePairs,
    };

    private static IceCandidate[] ValidateLocalCandidates(IEnumerable<IceCandidate> candidates)
    {
        var result = new List<IceCandidate>();
        foreach (IceCandidate candidate in candidates)
        {
            ArgumentNullException.ThrowIfNull(candidate, nameof(candidates));
            IPAddress address = candidate.Address.Address;
            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || candidate.Address.Port == 0)
            {
                throw new ArgumentException("Local candidates need a concrete advertised address and port.", nameof(candidates));
            }

            result.Add(candidate with { Address = Normalize(candidate.Address) });
        }

        if (result.Count == 0)
        {
            throw new ArgumentException("At least one local candidate is required.", nameof(candidates));
        }

        return [.. result];
    }

    /// <summary>A private copy with IPv4-mapped IPv6 turned into IPv4 (dual-mode sockets report mapped sources).</summary>
    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        new(endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address, endPoint.Port);

    private static bool SameEndPoint(IPEndPoint a, IPEndPoint b) => a.Port == b.Port && a.Address.Equals(b.Address);

    private IceCandidate? LocalFor(AddressFamily family)
    {
        foreach (IceCandidate local in _localCandidates)
        {
            if (local.Address.AddressFamily == family)
            {
                return local;
            }
        }

        return null;
    }
}
