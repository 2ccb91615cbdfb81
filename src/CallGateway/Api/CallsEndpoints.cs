using CallGateway.Calls.Actors;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Persistence.Signaling;
using CallGateway.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallGateway.Api;

/// <summary>The internal REST API for calls: place, list, inspect, accept, reject, hang up.</summary>
public static class CallsEndpoints
{
    public static RouteGroupBuilder MapCallsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calls").WithTags("Calls");
        group.MapPost("", PlaceAsync).WithValidation<PlaceCallRequest>().WithName("PlaceCall")
            .WithSummary("Place a call to a WhatsApp user")
            .WithDescription("Creates the media offer and sends Meta's connect action. Returns 202 with our call id while the call rings. "
                + "Refused with 409 when the user's call permission does not allow the call (unless force is true).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("", ListAsync).WithName("ListCalls").WithSummary("List calls, newest first");
        group.MapGet("/{id}", GetAsync).WithName("GetCall").WithSummary("A call with its transition history and media counters")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/accept", (string id, CallRegistry calls, CancellationToken ct) => CommandAsync(id, new AcceptRequested(), calls, ct))
            .WithName("AcceptCall").WithSummary("Accept a ringing inbound call (when the inbound policy is Manual)").WithCommandProblems();
        group.MapPost("/{id}/reject", (string id, CallRegistry calls, CancellationToken ct) => CommandAsync(id, new RejectRequested(), calls, ct))
            .WithName("RejectCall").WithSummary("Reject a ringing inbound call").WithCommandProblems();
        group.MapPost("/{id}/hangup", (string id, CallRegistry calls, CancellationToken ct) => CommandAsync(id, new HangupRequested(), calls, ct))
            .WithName("HangUpCall").WithSummary("End a call").WithCommandProblems();
        return group;
    }

    internal static async Task<Results<Accepted<CallResponse>, ProblemHttpResult>> PlaceAsync(
        PlaceCallRequest request, CallRegistry calls, ICallAdmission admission, CallPermissionGate permissions, CancellationToken cancellationToken)
    {
        if (!admission.AcceptingCalls)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shutting down", detail: "The gateway is draining; place the call on another instance.");
        }

        var to = PhoneNumbers.Normalize(request.To!);
        if (request.Force != true && await permissions.CheckAsync(to, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal.ToProblem();
        }

        var result = await calls.StartOutboundAsync(new DialRequested(to, request.BizOpaqueCallbackData), cancellationToken).ConfigureAwait(false);
        // The dial event's own result is the Dialing state; the connect request ran right after it.
        var call = (await calls.FindAsync(result.State.Id, cancellationToken).ConfigureAwait(false))?.State ?? result.State;
        if (call.Status == CallStatus.Terminated)
        {
            // The connect never got going: say why, with Meta's own code when Meta refused it.
            var status = StatusForMetaError(call.LastErrorCode);
            return TypedResults.Problem(statusCode: status, title: "The call could not be placed", detail: call.LastError,
                extensions: new Dictionary<string, object?> { ["callId"] = call.Id, ["metaErrorCode"] = call.LastErrorCode });
        }

        return TypedResults.Accepted($"/api/calls/{call.Id}", CallResponse.From(call));
    }

    internal static async Task<Ok<CallListResponse>> ListAsync(
        ICallStore store, CallStatus? status, CallDirection? direction, bool? open, int? limit, CancellationToken cancellationToken)
    {
        var calls = await store.ListAsync(new CallQuery(status, direction, open ?? false, limit ?? 50), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new CallListResponse(calls.Select(c => CallResponse.From(c)).ToList()));
    }

    internal static async Task<Results<Ok<CallResponse>, ProblemHttpResult>> GetAsync(
        string id, ICallStore store, CallRegistry calls, ISignalAttemptStore attempts, CancellationToken cancellationToken)
    {
        var live = await calls.FindAsync(id, cancellationToken).ConfigureAwait(false);
        var state = live?.State ?? await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CallNotFound(id);
        }

        var history = await store.GetHistoryAsync(id, cancellationToken).ConfigureAwait(false);
        var tries = await attempts.ListAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CallResponse.From(state, history, live?.Media?.GetStats()) with
        {
            GraphAttempts = tries.Select(a => new GraphAttemptResponse(a.At, a.Operation, a.Attempt, a.Status, a.Error, a.DurationMs)).ToList(),
        });
    }

    internal static async Task<Results<Accepted<CallResponse>, ProblemHttpResult>> CommandAsync(
        string id, CallEvent command, CallRegistry calls, CancellationToken cancellationToken)
    {
        var result = await calls.SendAsync(id, command, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return CallNotFound(id);
        }

        if (result.Refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in the call's current state",
                detail: result.RefusedReason, extensions: new Dictionary<string, object?> { ["callId"] = id, ["status"] = result.State.Status.ToString() });
        }

        var current = (await calls.FindAsync(id, cancellationToken).ConfigureAwait(false))?.State ?? result.State;
        return TypedResults.Accepted($"/api/calls/{id}", CallResponse.From(current));
    }

    /// <summary>
    /// Meta's own trouble (no code, 1 unknown, 2 service) is a bad gateway; its throttling (4, 17, 32, 613, 80007, 138005)
    /// is a 429 the caller may retry later; anything else is a refusal of this call (422).
    /// </summary>
    internal static int StatusForMetaError(int? code) => code switch
    {
        null or 1 or 2 => StatusCodes.Status502BadGateway,
        4 or 17 or 32 or 613 or 80007 or 138005 => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static RouteHandlerBuilder WithCommandProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static ProblemHttpResult CallNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Call not found", detail: $"No call with id '{id}'.",
            extensions: new Dictionary<string, object?> { ["callId"] = id });
}
