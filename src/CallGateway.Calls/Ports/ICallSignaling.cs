using CallGateway.Calls.Model;

namespace CallGateway.Calls.Ports;

/// <summary>Sends call-control actions to Meta. Implemented by the host over the Graph API client.</summary>
public interface ICallSignaling
{
    /// <summary>Sends <paramref name="action"/> for <paramref name="call"/>; never throws for Meta's refusals.</summary>
    Task<SignalingResult> SendAsync(CallState call, SignalAction action, CancellationToken cancellationToken);
}

/// <summary>What came back from Meta.</summary>
/// <param name="MetaCallId">For connect: the new call's wacid.</param>
/// <param name="MayHaveReachedMeta">False only when the request provably never left this process.</param>
/// <param name="Deferred">Not confirmed yet: a transient failure; the durable outbox keeps retrying and reports later.</param>
public sealed record SignalingResult(bool Succeeded, string? MetaCallId, string? Error, int? MetaErrorCode, bool MayHaveReachedMeta, bool Deferred = false)
{
    public static SignalingResult Ok(string? metaCallId = null) => new(true, metaCallId, null, null, true);

    public static SignalingResult Fail(string error, int? metaErrorCode = null, bool mayHaveReachedMeta = true) =>
        new(false, null, error, metaErrorCode, mayHaveReachedMeta);

    public static SignalingResult Retrying(string error) => new(false, null, error, null, true, Deferred: true);
}
