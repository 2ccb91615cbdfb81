using System.Net;
using Microsoft.Extensions.Logging;

namespace CallGateway.Media.Ice;

/// <summary>
/// Source-generated log messages of <see cref="IceAgent"/>. Addresses and ufrags are logged; passwords and keys never.
/// </summary>
internal static partial class IceAgentLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "ICE state {Previous} -> {Current}")]
    public static partial void StateChanged(ILogger logger, IceConnectionState previous, IceConnectionState current);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "ICE selected pair {Local} -> {Remote} (role {Role})")]
    public static partial void PairSelected(ILogger logger, IPEndPoint local, IPEndPoint remote, IceRole role);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "ICE started as {Mode} {Role} with {Pairs} pairs")]
    public static partial void Started(ILogger logger, IceMode mode, IceRole role, int pairs);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "ICE remote candidate {Address} refused: {Reason}")]
    public static partial void RemoteCandidateRefused(ILogger logger, string address, RemoteAddressRejectReason reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "ICE remote candidate {Address} ignored: {Why}")]
    public static partial void RemoteCandidateIgnored(ILogger logger, IPEndPoint address, string why);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "ICE dropped STUN from refused source {Source}: {Reason}")]
    public static partial void RefusedSource(ILogger logger, IPEndPoint source, RemoteAddressRejectReason reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "ICE dropped STUN from {Source}: {Why}")]
    public static partial void Dropped(ILogger logger, IPEndPoint source, string why);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "ICE role conflict: switching to {Role}")]
    public static partial void RoleSwitched(ILogger logger, IceRole role);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Debug, Message = "ICE learned peer-reflexive candidate {Address}")]
    public static partial void PeerReflexiveLearned(ILogger logger, IPEndPoint address);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "ICE check {Pair} failed: {Why}")]
    public static partial void PairFailed(ILogger logger, IceCandidatePair pair, string why);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "ICE failed: {Why}")]
    public static partial void Failed(ILogger logger, string why);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "ICE datagram send to {Remote} failed")]
    public static partial void SendFailed(ILogger logger, Exception exception, IPEndPoint remote);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "ICE {What} failed unexpectedly")]
    public static partial void Unexpected(ILogger logger, Exception exception, string what);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Information,
        Message = "ICE remote is lite: acting as controlling (RFC 8445 §6.1.1) although controlled was requested")]
    public static partial void ForcedControlling(ILogger logger);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Debug, Message = "ICE nominating {Pair}")]
    public static partial void Nominating(ILogger logger, IceCandidatePair pair);
}
