using System.Net;
using CallGateway.Media.Stun;

namespace CallGateway.Media.Ice;

/// <summary>
/// Builds the STUN messages ICE sends: checks (RFC 8445 §7.2.2), success responses (§7.3.1.3) and error responses
/// (RFC 8489 §6.3.4).
/// </summary>
internal static class IceMessageFactory
{
    /// <summary>Room for the largest message built here: a check with a 513-byte USERNAME is 596 bytes.</summary>
    public const int BufferSize = 640;

    /// <summary>
    /// A Binding request: USERNAME "remoteUfrag:localUfrag", PRIORITY (as peer-reflexive), the role attribute with
    /// the tie-breaker, optionally USE-CANDIDATE, MESSAGE-INTEGRITY keyed with the remote password, FINGERPRINT.
    /// </summary>
    public static byte[] BuildRequest(
        StunTransactionId id, string username, uint priority, IceRole role, ulong tieBreaker, bool useCandidate, byte[] remoteKey)
    {
        Span<byte> buffer = stackalloc byte[BufferSize];
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, id);
        writer.AddUsername(username);
        writer.AddPriority(priority);
        if (role == IceRole.Controlling)
        {
            writer.AddIceControlling(tieBreaker);
        }
        else
        {
            writer.AddIceControlled(tieBreaker);
        }

        if (useCandidate)
        {
            writer.AddUseCandidate();
        }

        writer.AddMessageIntegrity(remoteKey);
        writer.AddFingerprint();
        writer.TryComplete(out int written);
        return buffer[..written].ToArray();
    }

    /// <summary>A success response: XOR-MAPPED-ADDRESS of the request's source, MI with the local password, FP.</summary>
    public static int BuildSuccess(Span<byte> buffer, StunTransactionId id, IPEndPoint mapped, byte[] localKey)
    {
        var writer = new StunMessageWriter(buffer, StunMessageClass.SuccessResponse, StunMethod.Binding, id);
        writer.AddXorMappedAddress(mapped);
        writer.AddMessageIntegrity(localKey);
        writer.AddFingerprint();
        writer.TryComplete(out int written);
        return written;
    }

    /// <summary>
    /// An error response. 400/401 carry no MESSAGE-INTEGRITY (RFC 8489 §9.1.3: the request could not be
    /// authenticated); 420 and 487 answer authenticated requests and are signed with <paramref name="localKey"/>.
    /// </summary>
    public static int BuildError(
        Span<byte> buffer, StunTransactionId id, int code, string reason, byte[]? localKey, ReadOnlySpan<StunAttributeType> unknown)
    {
        var writer = new StunMessageWriter(buffer, StunMessageClass.ErrorResponse, StunMethod.Binding, id);
        writer.AddErrorCode(code, reason);
        if (!unknown.IsEmpty)
        {
            writer.AddUnknownAttributes(unknown);
        }

        if (localKey is not null)
        {
            writer.AddMessageIntegrity(localKey);
        }

        writer.AddFingerprint();
        writer.TryComplete(out int written);
        return written;
    }
}
