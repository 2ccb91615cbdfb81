using System.Net;
using CallGateway.Media.Dtls;
using CallGateway.Media.Ice;
using CallGateway.Media.Sdp;
using CallGateway.Media.Srtp;

namespace CallGateway.Media.Session;

public sealed partial class MediaSession
{
    private int _handshakeStarted;

    /// <summary>ICE picked the path: run DTLS over it (once), in the role a=setup gave us.</summary>
    private void OnSelectedPairChanged(object? sender, IceSelectedPairChangedEventArgs e)
    {
        if (_negotiation is not { } negotiation || Interlocked.Exchange(ref _handshakeStarted, 1) != 0)
        {
            return;
        }

        var role = negotiation.DtlsRole == SdpDtlsRole.Client ? DtlsRole.Client : DtlsRole.Server;
        MediaSessionLog.PairSelected(_logger, CallId, e.Remote.Address, role);
        var fingerprints = negotiation.RemoteFingerprints
            .Select(f => DtlsFingerprint.TryParse(f.ToString(), out var parsed) ? parsed : null)
            .OfType<DtlsFingerprint>()
            .ToList();
        _ = Task.Run(() => HandshakeAsync(role, fingerprints));
    }

    private async Task HandshakeAsync(DtlsRole role, IReadOnlyList<DtlsFingerprint> fingerprints)
    {
        try
        {
            var result = await _dtls.HandshakeAsync(role, _certificate, fingerprints).ConfigureAwait(false);
            using (result.SrtpKeys)
            {
                var profile = (SrtpProfile)(int)result.SrtpProfile;
                _srtpOut = new SrtpContext(profile, result.SrtpKeys.LocalMasterKey, result.SrtpKeys.LocalMasterSalt);
                _srtpIn = new SrtpContext(profile, result.SrtpKeys.RemoteMasterKey, result.SrtpKeys.RemoteMasterSalt);
                _srtpProfile = result.SrtpProfile.GetRfcName();
            }

            MediaSessionLog.DtlsUp(_logger, CallId, result.Elapsed.TotalMilliseconds, result.CipherSuiteName, _srtpProfile);
            if (Volatile.Read(ref _closed) == 0)
            {
                _clockRegistration = _engine.Clock.Register(this);
                SetState(MediaSessionState.Connected, $"{result.ProtocolVersion}, {_srtpProfile}");
            }
        }
        catch (DtlsHandshakeException ex)
        {
            MediaSessionLog.DtlsFailed(_logger, CallId, ex.Message);
            SetState(MediaSessionState.Failed, $"DTLS handshake failed: {ex.Reason}");
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _closed) != 0)
        {
        }
    }

    private void OnIceStateChanged(object? sender, IceStateChangedEventArgs e)
    {
        if (e.Current == IceConnectionState.Failed)
        {
            SetState(MediaSessionState.Failed, _srtpOut is null ? "ICE connectivity checks failed" : "ICE consent lost (no answers to consent checks)");
        }
    }

    private void OnDtlsClosed(object? sender, DtlsClosedEventArgs e)
    {
        if (Volatile.Read(ref _closed) == 0)
        {
            // A close_notify is a goodbye, not a fault: the call is probably ending on the other side.
            SetState(e.Reason == DtlsCloseReason.CloseNotify ? MediaSessionState.Disconnected : MediaSessionState.Failed, $"DTLS closed: {e.Reason}");
        }
    }

    /// <summary>DTLS records go to the ICE-selected remote only.</summary>
    private void SendDtls(ReadOnlySpan<byte> record)
    {
        if (_ice.SelectedRemote is { } remote)
        {
            _socket.Send(record, remote);
        }
    }

    void IIceDatagramSender.Send(ReadOnlySpan<byte> datagram, IPEndPoint remote) => _socket.Send(datagram, remote);
}
