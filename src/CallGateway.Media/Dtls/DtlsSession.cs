using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace CallGateway.Media.Dtls;

/// <summary>
/// One DTLS-SRTP association over one <see cref="DtlsDatagramTransport"/>: runs the handshake
/// (<see cref="HandshakeAsync(DtlsRole, DtlsCertificate, DtlsFingerprint, CancellationToken)"/>), then keeps serving
/// the association without a dedicated thread until it ends (<see cref="Closed"/>).
/// </summary>
/// <remarks>
/// <para>Handshake: BouncyCastle's blocking Connect/Accept runs on a dedicated thread
/// (<see cref="TaskCreationOptions.LongRunning"/>) for the handshake only. It is bounded by
/// <see cref="DtlsOptions.HandshakeTimeout"/>; cancelling the token closes the transport, which unblocks it.
/// Failures surface as <see cref="DtlsHandshakeException"/>, cancellation as <see cref="OperationCanceledException"/>.
/// After a failure the transport is closed.</para>
/// <para>After the handshake the peer may still retransmit its last flight (our final flight was lost; RFC 6347
/// §4.2.4 requires us to answer), or send close_notify or an alert. Each datagram enqueued after the handshake
/// schedules a thread-pool work item that feeds the queue through BouncyCastle without blocking (waits of at most
/// 1 ms); at most one such item runs at a time.</para>
/// <para>Threading: call HandshakeAsync once. <see cref="CloseAsync"/> and Dispose may be called from any thread, any
/// number of times. <see cref="Closed"/> is raised exactly once per established association, on a thread-pool
/// thread, after the handshake succeeded.</para>
/// </remarks>
public sealed partial class DtlsSession : IAsyncDisposable, IDisposable
{
    private const int StateCreated = 0;
    private const int StateHandshaking = 1;
    private const int StateEstablished = 2;
    private const int StateEnded = 3;

    private const int AbortNone = 0;
    private const int AbortCancelled = 1;
    private const int AbortWatchdog = 2;
    private const int AbortLocalClose = 3;

    // BouncyCastle enforces HandshakeTimeout itself; this watchdog only backs it up.
    private static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(2);

    private readonly DtlsDatagramTransport _transport;
    private readonly DtlsOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private int _state;
    private int _abortReason;

    /// <param name="transport">The association's transport; the session closes it when the association ends.</param>
    /// <param name="options">Handshake settings; defaults to <see cref="DtlsOptions"/> defaults.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="timeProvider">Clock for the handshake watchdog; defaults to <see cref="TimeProvider.System"/>.</param>
    public DtlsSession(
        DtlsDatagramTransport transport, DtlsOptions? options = null, ILogger<DtlsSession>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        options ??= new DtlsOptions();
        options.Validate();
        _transport = transport;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>True between a successful handshake and the end of the association.</summary>
    public bool IsEstablished => Volatile.Read(ref _state) == StateEstablished;

    /// <summary>Runs the handshake against one expected remote fingerprint (the usual single a=fingerprint).</summary>
    public Task<DtlsHandshakeResult> HandshakeAsync(
        DtlsRole role, DtlsCertificate localCertificate, DtlsFingerprint expectedRemoteFingerprint,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedRemoteFingerprint);
        return HandshakeAsync(role, localCertificate, [expectedRemoteFingerprint], cancellationToken);
    }

    /// <summary>
    /// Runs the handshake. The peer's certificate must match one of <paramref name="expectedRemoteFingerprints"/>
    /// (all a=fingerprint lines of the remote description, RFC 8122 §5) whose hash meets
    /// <see cref="DtlsOptions.MinimumFingerprintHash"/>; it is checked during the handshake.
    /// </summary>
    /// <returns>The negotiated SRTP profile, keys for our role, and diagnostics.</returns>
    /// <exception cref="DtlsHandshakeException">
    /// The handshake failed; <c>Reason</c> and <c>AlertDescription</c> say why.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DtlsHandshakeResult> HandshakeAsync(
        DtlsRole role, DtlsCertificate localCertificate, IReadOnlyList<DtlsFingerprint> expectedRemoteFingerprints,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(localCertificate);
        ArgumentNullException.ThrowIfNull(expectedRemoteFingerprints);
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown DTLS role.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        DtlsFingerprint[] accepted = ApplyFingerprintPolicy(expectedRemoteFingerprints);
        int previous = Interlocked.CompareExchange(ref _state, StateHandshaking, StateCreated);
        ObjectDisposedException.ThrowIf(previous == StateEnded, this);
        if (previous != StateCreated)
        {
            throw new InvalidOperationException("A DtlsSession runs one handshake; create a new session (and transport).");
        }

        var policy = new DtlsHandshakePolicy(role, localCertificate, accepted, _options);
        DtlsLog.HandshakeStarting(_logger, role);
        (DtlsTransport? dtls, Exception? failure) = await RunProtocolAsync(role, policy, cancellationToken)
            .ConfigureAwait(false);

        if (dtls is not null && failure is null && Volatile.Read(ref _abortReason) == AbortNone
            && policy.Result is { } result)
        {
            Establish(dtls, policy);
            LogCompleted(result);
            return result;
        }

        throw Fail(dtls, failure, policy, cancellationToken);
    }

    // Runs BouncyCastle's blocking Connect/Accept on a dedicated thread, guarded by the caller's token and a watchdog;
    // both abort by closing the transport, which makes the blocked Receive throw.
    private async Task<(DtlsTransport? Dtls, Exception? Failure)> RunProtocolAsync(
        DtlsRole role, DtlsHandshakePolicy policy, CancellationToken cancellationToken)
    {
        using var watchdog = new CancellationTokenSource(_options.HandshakeTimeout + WatchdogGrace, _timeProvider);
        CancellationTokenRegistration cancelled = cancellationToken.UnsafeRegister(
            static s => ((DtlsSession)s!).Abort(AbortCancelled), this);
        CancellationTokenRegistration expired = watchdog.Token.UnsafeRegister(
            static s => ((DtlsSession)s!).Abort(AbortWatchdog), this);
        try
        {
            DtlsTransport dtls = await Task.Factory.StartNew(
                () => RunProtocol(role, policy), CancellationToken.None, TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
            return (dtls, null);
        }
        catch (Exception e)
        {
            // Every failure, BouncyCastle's or ours, is classified by Fail and rethrown typed.
            return (null, e);
        }
        finally
        {
            // Unregister (waiting for a running callback) before the caller decides, so a late abort cannot hit an
            // established association.
            await cancelled.DisposeAsync().ConfigureAwait(false);
            await expired.DisposeAsync().ConfigureAwait(false);
        }
    }

    private DtlsTransport RunProtocol(DtlsRole role, DtlsHandshakePolicy policy)
    {
        var crypto = new BcTlsCrypto(new SecureRandom());
        return role == DtlsRole.Client
            ? new DtlsClientProtocol().Connect(new DtlsSrtpClient(crypto, policy), _transport)
            : new DtlsServerProtocol().Accept(new DtlsSrtpServer(crypto, policy), _transport);
    }

    private void LogCompleted(DtlsHandshakeResult result)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            double elapsedMs = result.Elapsed.TotalMilliseconds;
            string suite = result.CipherSuiteName;
            string profile = result.SrtpProfile.GetRfcName();
            DtlsLog.HandshakeCompleted(
                _logger, result.Role, elapsedMs, result.ProtocolVersion, suite, profile, result.ExtendedMasterSecret);
        }
    }

    // The handshake did not produce an association: release everything and classify the failure.
    private Exception Fail(
        DtlsTransport? dtls, Exception? failure, DtlsHandshakePolicy policy, CancellationToken cancellationToken)
    {
        policy.Result?.SrtpKeys.Dispose();
        dtls?.Close();
        _transport.Close();
        Volatile.Write(ref _state, StateEnded);
        Exception mapped = MapFailure(failure, policy, cancellationToken);
        if (mapped is DtlsHandshakeException error)
        {
            DtlsLog.HandshakeFailed(_logger, policy.Role, error.Reason, error.AlertDescription, error.Message);
        }

        return mapped;
    }

    private DtlsFingerprint[] ApplyFingerprintPolicy(IReadOnlyList<DtlsFingerprint> expected)
    {
        var accepted = new List<DtlsFingerprint>(expected.Count);
        foreach (DtlsFingerprint fingerprint in expected)
        {
            ArgumentNullException.ThrowIfNull(fingerprint, nameof(expected));
            if (fingerprint.MeetsMinimum(_options.MinimumFingerprintHash))
            {
                accepted.Add(fingerprint);
            }
        }

        if (accepted.Count == 0)
        {
            string offered = expected.Count == 0
                ? "none"
                : string.Join(", ", expected.Select(f => DtlsFingerprint.GetToken(f.HashFunction)));
            throw new DtlsHandshakeException(DtlsFailureReason.FingerprintPolicy, null,
                $"Remote a=fingerprint hash ({offered}) is not allowed: policy requires "
                + $"{DtlsFingerprint.GetToken(_options.MinimumFingerprintHash)} or stronger.");
        }

        return [.. accepted];
    }

    private void Abort(int reason)
    {
        if (Interlocked.CompareExchange(ref _abortReason, reason, AbortNone) == AbortNone)
        {
            _transport.Close();
        }
    }

    private Exception MapFailure(Exception? failure, DtlsHandshakePolicy policy, CancellationToken cancellationToken)
    {
        int abort = Volatile.Read(ref _abortReason);
        if (abort == AbortCancelled)
        {
            return new OperationCanceledException("The DTLS handshake was cancelled.", failure, cancellationToken);
        }

        byte? raised = policy.RaisedFatalAlert;
        (DtlsFailureReason reason, byte? alert, string detail) = (failure, abort) switch
        {
            (_, AbortWatchdog) => (DtlsFailureReason.Timeout, null, "handshake watchdog expired"),
            (_, AbortLocalClose) => (DtlsFailureReason.TransportClosed, null, "session closed during the handshake"),
            _ when policy.LocalFailure is { } local => (local, raised, policy.LocalFailureDetail ?? local.ToString()),
            _ when policy.ReceivedFatalAlert is { } received =>
                (DtlsFailureReason.PeerAlert, received, "peer sent a fatal alert"),
            (TlsTimeoutException, _) => (DtlsFailureReason.Timeout, null, "no handshake within the timeout"),
            // Our transport throws user_canceled once closed: its owner closed it under the handshake.
            (TlsFatalAlert { AlertDescription: AlertDescription.user_canceled }, _) =>
                (DtlsFailureReason.TransportClosed, null, "transport closed during the handshake"),
            (TlsFatalAlert fatal, _) => (DtlsFailureReason.LocalAlert, (byte)fatal.AlertDescription, fatal.Message),
            _ => (DtlsFailureReason.LocalAlert, raised, failure?.Message ?? "handshake failed"),
        };

        string alertText = alert is byte a ? $" ({AlertDescription.GetText(a)})" : string.Empty;
        return new DtlsHandshakeException(reason, alert, $"DTLS handshake failed: {reason}{alertText}: {detail}", failure);
    }
}
