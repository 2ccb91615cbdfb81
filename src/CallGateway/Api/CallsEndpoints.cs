using CallGateway.Calls.Actors;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
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
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);
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
        PlaceCallRequest request, CallRegistry calls, CallPermissionGate permissions, CancellationToken cancellationToken)
    {
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
            var status = call.LastErrorCode is null ? StatusCodes.Status502BadGateway : StatusCodes.Status422UnprocessableEntity;
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
        string id, ICallStore store, CallRegistry calls, CancellationToken cancellationToken)
    {
        var live = await calls.FindAsync(id, cancellationToken).ConfigureAwait(false);
        var state = live?.State ?? await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CallNotFound(id);
        }

        var history = await store.GetHistoryAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CallResponse.From(state, history, live?.Media?.GetStats()));
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

    private static RouteHandlerBuilder WithCommandProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static ProblemHttpResult CallNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Call not found", detail: $"No call with id '{id}'.",
            extensions: new Dictionary<string, object?> { ["callId"] = id });
}
