using CallGateway.Sandbox.Calls;
using CallGateway.Sandbox.Delivery;
using CallGateway.Sandbox.Graph;
using CallGateway.Sandbox.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CallGateway.Sandbox.Api;

/// <summary>Drives the simulated WhatsApp users: call the business, answer, hang up, press digits, grant permission.</summary>
public static class SandboxControlEndpoints
{
    private static readonly string[] PermissionStatuses = ["no_permission", "temporary", "permanent"];

    public static IEndpointRouteBuilder MapSandboxControl(this IEndpointRouteBuilder app)
    {
        // The sandbox is a local test tool: its control API needs no key.
        var sandbox = app.MapGroup("/sandbox").WithTags("Sandbox").AllowAnonymous();
        sandbox.MapPost("/users/{number}/calls", UserCallsAsync).WithName("SandboxUserCallsBusiness")
            .WithSummary("User calls business: the simulated phone sends a connect webhook with its SDP offer");
        sandbox.MapGet("/users/{number}", (string number, SandboxUsers users) => TypedResults.Ok(UserView.From(users.Get(number))))
            .WithName("SandboxGetUser").WithSummary("A simulated user's phone settings and call permission");
        sandbox.MapPut("/users/{number}", UpdateUser).WithName("SandboxUpdateUser")
            .WithSummary("User answers next call (or rejects/ignores it), changes tone, call permission or permission replies");
        sandbox.MapPost("/users/{number}/permission-reply", PermissionReply).WithName("SandboxPermissionReply")
            .WithSummary("User replies to a call permission request (sends the call_permission_reply webhook)");
        sandbox.MapGet("/calls", (SandboxCallStore calls) => TypedResults.Ok(calls.All.Select(SandboxCallView.From).ToList()))
            .WithName("SandboxListCalls").WithSummary("Calls as Meta sees them, with what each phone heard");
        sandbox.MapGet("/calls/{callId}", GetCall).WithName("SandboxGetCall").WithSummary("One call as Meta sees it");
        sandbox.MapPost("/calls/{callId}/answer", (string callId, MetaSimulator meta) => Run(() => meta.AnswerAsync(callId)))
            .WithName("SandboxAnswer").WithSummary("User answers a ringing business call");
        sandbox.MapPost("/calls/{callId}/decline", (string callId, MetaSimulator meta) => Run(() => meta.DeclineAsync(callId)))
            .WithName("SandboxDecline").WithSummary("User declines a ringing business call");
        sandbox.MapPost("/calls/{callId}/hangup", (string callId, MetaSimulator meta) => Run(() => meta.UserHangsUpAsync(callId)))
            .WithName("SandboxUserHangsUp").WithSummary("User hangs up (terminate webhook with the duration)");
        sandbox.MapPost("/calls/{callId}/dtmf", (string callId, DigitsRequest request, MetaSimulator meta) => Run(() => meta.UserPressesAsync(callId, Digits(request.Digits))))
            .WithName("SandboxUserPressesDigits").WithSummary("User presses digits (RFC 4733 DTMF in the media stream)");
        sandbox.MapGet("/graph-requests", (GraphRequestLog log) => TypedResults.Ok(log.Entries))
            .WithName("SandboxGraphRequests").WithSummary("Graph API requests the sandbox received");
        sandbox.MapGet("/webhooks", (WebhookSender sender) => TypedResults.Ok(sender.Log))
            .WithName("SandboxWebhooks").WithSummary("Webhooks the sandbox delivered, with attempts");
        return app;
    }

    private static async Task<Results<Created<SandboxCallView>, ProblemHttpResult>> UserCallsAsync(string number, UserCallRequest? request, MetaSimulator meta, CancellationToken cancellationToken)
    {
        if (!IsNumber(number))
        {
            return Problem("The user's number must be 7 to 15 digits.");
        }

        try
        {
            var call = await meta.UserCallsAsync(number, request?.ToneHz, cancellationToken, request?.SdpOffer).ConfigureAwait(false);
            return TypedResults.Created($"/sandbox/calls/{call.Id}", SandboxCallView.From(call));
        }
        catch (SandboxGraphException ex)
        {
            return Problem(ex.Message);
        }
    }

    private static Results<Ok<UserView>, ProblemHttpResult> UpdateUser(string number, UserSettingsRequest request, SandboxUsers users, TimeProvider time)
    {
        if (!IsNumber(number))
        {
            return Problem("The user's number must be 7 to 15 digits.");
        }

        if (request.Permission is { } p && !PermissionStatuses.Contains(p))
        {
            return Problem("permission must be no_permission, temporary or permanent.");
        }

        if (request.PermissionRequestReply is { } r && r is not ("accept" or "reject" or "none"))
        {
            return Problem("permissionRequestReply must be accept, reject or none.");
        }

        var user = users.Get(number);
        user.AnswerMode = request.AnswerMode ?? user.AnswerMode;
        user.AnswerDelayMilliseconds = request.AnswerDelayMilliseconds ?? user.AnswerDelayMilliseconds;
        user.ToneHz = request.ToneHz ?? user.ToneHz;
        if (request.Permission is { } permission)
        {
            user.PermissionStatus = permission;
            user.PermissionExpiresAt = permission == "temporary" ? time.GetUtcNow().AddDays(7) : null;
        }

        if (request.PermissionRequestReply is { } reply)
        {
            user.PermissionRequestReply = reply == "none" ? null : reply;
        }

        return TypedResults.Ok(UserView.From(user));
    }

    private static Results<Accepted, ProblemHttpResult> PermissionReply(string number, PermissionReplyRequest request, MetaSimulator meta)
    {
        if (!IsNumber(number) || request.Response is not ("accept" or "reject"))
        {
            return Problem("response must be accept or reject, and the number 7 to 15 digits.");
        }

        meta.ReplyToPermissionRequest(number, request.ContextId, request.Response, request.Permanent);
        return TypedResults.Accepted((string?)null);
    }

    private static Results<Ok<SandboxCallView>, NotFound> GetCall(string callId, SandboxCallStore calls) =>
        calls.Find(callId) is { } call ? TypedResults.Ok(SandboxCallView.From(call)) : TypedResults.NotFound();

    private static async Task<Results<Accepted, ProblemHttpResult>> Run(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return TypedResults.Accepted((string?)null);
        }
        catch (SandboxGraphException error)
        {
            return TypedResults.Problem(statusCode: error.Code == 100 && error.Message.Contains("Invalid call-id", StringComparison.Ordinal) ? 404 : 409,
                title: "Not possible", detail: error.Message);
        }
    }

    private static string Digits(string? digits) =>
        !string.IsNullOrEmpty(digits) && digits.Length <= 32 && digits.All(c => "0123456789*#ABCD".Contains(c, StringComparison.Ordinal))
            ? digits
            : throw SandboxGraphException.InvalidParameter("digits must be 1 to 32 of 0-9, *, #, A-D.");

    private static bool IsNumber(string number) => number.TrimStart('+') is { Length: >= 7 and <= 15 } n && n.All(char.IsAsciiDigit);

    private static ProblemHttpResult Problem(string detail) => TypedResults.Problem(statusCode: 400, title: "Invalid request", detail: detail);
}
