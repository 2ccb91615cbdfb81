using System.Net;
using CallGateway.Media.Stun;

namespace CallGateway.Media.Ice;

/// <summary>Inbound STUN: request handling (RFC 8445 §7.3) and its side effects.</summary>
public sealed partial class IceAgent
{
    private long _droppedRefused;
    private long _droppedInvalid;
    private long _checksReceived;
    private long _successSent;
    private long _errorSent;

    /// <summary>
    /// Processes one datagram that RFC 7983 demultiplexing classified as STUN (first byte 0-3).
    /// Never throws for bad input.
    /// </summary>
    /// <param name="packet">The datagram; not retained.</param>
    /// <param name="from">Its source; IPv4-mapped IPv6 is treated as IPv4.</param>
    /// <returns>True when it was a valid ICE STUN message for this agent: an authenticated request (answered), an
    /// authenticated response to one of our transactions, or an indication from a permitted source.</returns>
    public bool ProcessStun(ReadOnlySpan<byte> packet, IPEndPoint from)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (_disposed)
        {
            return false;
        }

        IPEndPoint source = Normalize(from);
        RemoteAddressDecision decision = RemoteAddressPolicy.Evaluate(source, _options.AddressPolicy);
        if (!decision.IsAllowed)
        {
            Interlocked.Increment(ref _droppedRefused);
            IceAgentLog.RefusedSource(_logger, source, decision.Reason);
            return false;
        }

        if (!StunMessage.TryParse(packet, out StunMessage? message)
            || message.Method != StunMethod.Binding
            || (message.HasFingerprint && !message.VerifyFingerprint()))
        {
            Interlocked.Increment(ref _droppedInvalid);
            return false;
        }

        bool handled;
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            TimeSpan now = Now;
            handled = message.Class switch
            {
                StunMessageClass.Request => HandleRequestLocked(message, source, now),
                StunMessageClass.Indication => _permitted.Contains(source),
                _ => HandleResponseLocked(message, source, now),
            };
            if (!handled)
            {
                Interlocked.Increment(ref _droppedInvalid);
            }

            RescheduleLocked(now);
        }

        FlushEvents();
        return handled;
    }

    private bool IsActive => _started && _state is IceConnectionState.Checking or IceConnectionState.Connected or IceConnectionState.Disconnected;

    /// <summary>RFC 8445 §7.3 (via RFC 8489 §6.3): authenticate, resolve role conflicts, learn, then answer.</summary>
    private bool HandleRequestLocked(StunMessage request, IPEndPoint source, TimeSpan now)
    {
        if (!TryAcceptRequestLocked(request, source, out uint priority, out bool answered))
        {
            return answered;
        }

        if (_remote is null || !_started)
        {
            // An early check, before the remote description (RFC 8445 §7.3.1.3): answer it and remember it. Against a
            // full controlling peer this matters: it nominates at once (Meta's edge, as lite, first hears our checks
            // before pre_accept hands it our SDP), and a nomination forgotten here would leave the path unselected.
            // It proved our password, so its source may also send DTLS now: a full answerer (a browser) sends its
            // ClientHello as soon as this check is answered, and dropping it costs a whole DTLS retransmission timeout.
            RememberEarlyCheckLocked(request, source, priority);
            if (_permitted.Count < _options.MaxRemoteCandidates)
            {
                _permitted.Add(source);
            }

            SendSuccessLocked(request.TransactionId, source);
            return true;
        }

        IceCandidatePair? pair = LearnFromCheckLocked(source, priority);
        if (pair is null)
        {
            // Over the candidate or pair limits: a success we could not act on would mislead the peer.
            IceAgentLog.Dropped(_logger, source, "no room for another candidate pair");
            return false;
        }

        // State first, answer second: whoever reacts to the response (the peer's DTLS, a test) already sees the
        // permission and the selection. Triggered checks are paced by the timer, so they still follow the answer.
        if (_started && _options.Mode == IceMode.Lite)
        {
            OnLiteCheckLocked(pair, request.HasUseCandidate, now);
        }
        else if (_started)
        {
            OnFullCheckLocked(pair, request.HasUseCandidate, now);
        }

        SendSuccessLocked(request.TransactionId, source);
        return true;
    }

    /// <summary>
    /// The gatekeeping half of request handling: failed agents stay silent; a missing USERNAME or
    /// MESSAGE-INTEGRITY gets 400 and a wrong one 401 (both unsigned, RFC 8489 §9.1.3); unknown
    /// comprehension-required attributes get 420; a missing PRIORITY 400; a role conflict 487 (§7.3.1.1).
    /// Returns true when the request may proceed; otherwise <paramref name="answered"/> says whether it was an
    /// authenticated request that got an error answer.
    /// </summary>
    private bool TryAcceptRequestLocked(StunMessage request, IPEndPoint source, out uint priority, out bool answered)
    {
        priority = 0;
        answered = false;
        if (_state == IceConnectionState.Failed)
        {
            return false; // consent is gone (RFC 7675 §5.1): stop answering too
        }

        if (!request.Contains(StunAttributeType.Username) || !request.HasMessageIntegrity)
        {
            SendErrorLocked(request.TransactionId, source, StunErrorCode.BadRequest, "Bad Request", null, []);
            IceAgentLog.Dropped(_logger, source, "request without USERNAME or MESSAGE-INTEGRITY");
            return false;
        }

        if (!InboundUsernameMatches(request) || !request.VerifyMessageIntegrity(_localKey))
        {
            SendErrorLocked(request.TransactionId, source, StunErrorCode.Unauthenticated, "Unauthenticated", null, []);
            IceAgentLog.Dropped(_logger, source, "request with wrong USERNAME or MESSAGE-INTEGRITY");
            return false;
        }

        _checksReceived++;
        Span<StunAttributeType> unknown = stackalloc StunAttributeType[8];
        int unknownCount = request.CollectUnknownComprehensionRequired(UnderstoodAttributes, unknown);
        if (unknownCount > 0)
        {
            SendErrorLocked(request.TransactionId, source, StunErrorCode.UnknownAttribute, "Unknown Attribute", _localKey, unknown[..unknownCount]);
            answered = true;
            return false;
        }

        if (!request.TryGetPriority(out priority))
        {
            SendErrorLocked(request.TransactionId, source, StunErrorCode.BadRequest, "Bad Request", _localKey, []);
            return false;
        }

        answered = true; // if the role check fails, it answered 487
        return ResolveRoleConflictLocked(request, source);
    }

    private bool InboundUsernameMatches(StunMessage request)
    {
        if (_expectedInboundUsername is not null)
        {
            return request.UsernameEquals(_expectedInboundUsername);
        }

        // Before the remote description only our half can be checked: "localUfrag:<anything>".
        return request.TryGetAttribute(StunAttributeType.Username, out ReadOnlySpan<byte> username)
            && username.Length > _localUsernamePrefix.Length
            && username.StartsWith(_localUsernamePrefix);
    }

    /// <summary>
    /// RFC 8445 §7.3.1.1. Returns false after answering 487. A lite agent never takes control: a full peer that
    /// also claims controlled gets 487 and must switch (§6.1.1 makes the full agent controlling).
    /// </summary>
    private bool ResolveRoleConflictLocked(StunMessage request, IPEndPoint source)
    {
        if (_role == IceRole.Controlling && request.TryGetIceControlling(out ulong theirs))
        {
            if (_tieBreaker >= theirs)
            {
                SendErrorLocked(request.TransactionId, source, StunErrorCode.RoleConflict, "Role Conflict", _localKey, []);
                return false;
            }

            SwitchRoleLocked(IceRole.Controlled);
            return true;
        }

        if (_role == IceRole.Controlled && request.TryGetIceControlled(out ulong theirsControlled))
        {
            if (_options.Mode == IceMode.Full && _tieBreaker >= theirsControlled)
            {
                SwitchRoleLocked(IceRole.Controlling);
                return true;
            }

            SendErrorLocked(request.TransactionId, source, StunErrorCode.RoleConflict, "Role Conflict", _localKey, []);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Finds the remote candidate for the source or learns a peer-reflexive one (RFC 8445 §7.3.1.3) with the
    /// request's PRIORITY, and returns its pair, marking the source permitted; null when limits leave no pair.
    /// </summary>
    private void RememberEarlyCheckLocked(StunMessage request, IPEndPoint source, uint priority)
    {
        request.TryGetAttribute(StunAttributeType.Username, out ReadOnlySpan<byte> username);
        for (int i = 0; i < _earlyChecks.Count; i++)
        {
            if (_earlyChecks[i].Source.Equals(source))
            {
                _earlyChecks[i] = _earlyChecks[i] with { UseCandidate = _earlyChecks[i].UseCandidate || request.HasUseCandidate };
                return;
            }
        }

        if (_earlyChecks.Count < MaxEarlyChecks)
        {
            _earlyChecks.Add(new EarlyCheck(source, priority, request.HasUseCandidate, username.ToArray()));
        }
    }

    /// <summary>
    /// Once both the remote description and <see cref="Start"/> are in, acts on the checks that came earlier, as if
    /// they arrived now: the ones whose USERNAME matches the remote description are learned (and nominations kept).
    /// </summary>
    private void ReplayEarlyChecksLocked(TimeSpan now)
    {
        if (_remote is null || !_started || _earlyChecks.Count == 0)
        {
            return;
        }

        foreach (EarlyCheck early in _earlyChecks)
        {
            if (!early.Username.AsSpan().SequenceEqual(_expectedInboundUsername) || LearnFromCheckLocked(early.Source, early.Priority) is not { } pair)
            {
                continue;
            }

            if (_options.Mode == IceMode.Lite)
            {
                OnLiteCheckLocked(pair, early.UseCandidate, now);
            }
            else
            {
                OnFullCheckLocked(pair, early.UseCandidate, now);
            }
        }

        _earlyChecks.Clear();
    }

    private IceCandidatePair? LearnFromCheckLocked(IPEndPoint source, uint priority)
    {
        IceCandidate? remote = FindRemoteLocked(source);
        if (remote is null)
        {
            if (_remoteCandidates.Count >= _options.MaxRemoteCandidates)
            {
                IceAgentLog.RemoteCandidateIgnored(_logger, source, "remote candidate limit reached");
                return null;
            }

            string foundation = "prflx" + (++_prflxCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            remote = new IceCandidate(foundation, IceCandidate.RtpComponent, "udp", priority, source, IceCandidateType.PeerReflexive);
            _remoteCandidates.Add(remote);
            IceAgentLog.PeerReflexiveLearned(_logger, source);
            CreatePairsLocked(remote);
        }

        foreach (IceCandidatePair pair in _pairs)
        {
            if (ReferenceEquals(pair.Remote, remote))
            {
                _permitted.Add(remote.Address);
                return pair;
            }
        }

        return null;
    }

    /// <summary>Full agent: triggered checks (RFC 8445 §7.3.1.4) and nomination by the peer (§7.3.1.5).</summary>
    private void OnFullCheckLocked(IceCandidatePair pair, bool useCandidate, TimeSpan now)
    {
        if (useCandidate && _role == IceRole.Controlled)
        {
            if (pair.State == IceCandidatePairState.Succeeded)
            {
                pair.Nominated = true;
                SelectLocked(pair, now);
            }
            else
            {
                pair.NominateOnSuccess = true;
            }
        }

        switch (pair.State)
        {
            case IceCandidatePairState.Succeeded:
                break;
            case IceCandidatePairState.InProgress:
                CancelChecksForPairLocked(pair, now);
                EnqueueTriggeredLocked(pair, front: false);
                break;
            default:
                pair.State = IceCandidatePairState.Waiting;
                EnqueueTriggeredLocked(pair, front: false);
                break;
        }
    }

    /// <summary>
    /// Lite agent (RFC 8445 §2.5, §7.3.1.5): an authenticated check validates the pair and refreshes consent;
    /// USE-CANDIDATE selects it (the latest nomination wins).
    /// </summary>
    private void OnLiteCheckLocked(IceCandidatePair pair, bool useCandidate, TimeSpan now)
    {
        _lastConsentAt = now;
        pair.State = IceCandidatePairState.Succeeded;
        if (useCandidate)
        {
            pair.Nominated = true;
            SelectLocked(pair, now);
        }
        else if (_state == IceConnectionState.Disconnected && _selected is not null)
        {
            SetStateLocked(IceConnectionState.Connected);
        }
    }

    private void SendSuccessLocked(StunTransactionId id, IPEndPoint to)
    {
        Span<byte> buffer = stackalloc byte[IceMessageFactory.BufferSize];
        int length = IceMessageFactory.BuildSuccess(buffer, id, to, _localKey);
        _successSent++;
        SendLocked(buffer[..length], to);
    }

    private void SendErrorLocked(
        StunTransactionId id, IPEndPoint to, int code, string reason, byte[]? key, ReadOnlySpan<StunAttributeType> unknown)
    {
        Span<byte> buffer = stackalloc byte[IceMessageFactory.BufferSize];
        int length = IceMessageFactory.BuildError(buffer, id, code, reason, key, unknown);
        _errorSent++;
        SendLocked(buffer[..length], to);
    }

    /// <summary>At most this many distinct early check sources are remembered (beyond that, the peer's retransmissions and consent checks still get through).</summary>
    private const int MaxEarlyChecks = 8;

    private readonly List<EarlyCheck> _earlyChecks = [];

    /// <summary>A check answered before the remote description was known.</summary>
    private readonly record struct EarlyCheck(IPEndPoint Source, uint Priority, bool UseCandidate, byte[] Username);
}
