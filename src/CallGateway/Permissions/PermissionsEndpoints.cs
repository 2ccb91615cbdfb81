using CallGateway.Api;
using CallGateway.Meta.Graph;
using CallGateway.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CallGateway.Permissions;

/// <summary>Users' call permissions: look them up (Meta, briefly cached, rate-limited) and ask for them.</summary>
public static class PermissionsEndpoints
{
    public static RouteGroupBuilder MapPermissionsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/permissions").WithTags("Permissions");
        group.MapGet("/{waId}", GetAsync).WithName("GetCallPermission").WithSummary("A user's call permission and Meta's limits")
            .WithDescription("Proxies GET /{phone-number-id}/call_permissions (reused for Permissions:CacheSeconds), with the stored reply. "
                + "Meta allows 5 such requests per second: over that, look-ups wait for the next second; when Permissions:GraphRequestQueueLimit are already waiting, the answer is 429 with Retry-After.")
            .ProducesValidationProblem().WithGraphProblems();
        group.MapPost("/{waId}/request", RequestAsync).WithValidation<PermissionRequestBody>().WithName("RequestCallPermission")
            .WithSummary("Send the user a call permission request message")
            .WithDescription("Sends the interactive call_permission_request message (body: {} for the configured text, or {\"bodyText\":\"...\"}). "
                + "The user's answer arrives as a call_permission_reply webhook and shows in GET /api/permissions/{waId}. Meta allows 1 request per 24 h and 2 per 7 days (error 138009).")
            .WithGraphProblems();
        return group;
    }

    internal static async Task<Results<Ok<PermissionResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string waId, CallPermissionService permissions, CallPermissionStore store, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (!WaIds.TryNormalize(waId, out var id))
        {
            return WaIds.Invalid();
        }

        try
        {
            var fetched = await permissions.GetAsync(id, cancellationToken).ConfigureAwait(false);
            var stored = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(PermissionResponse.From(fetched, stored, time.GetUtcNow()));
        }
        catch (PermissionRateLimitedException ex)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(ex.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many permission look-ups",
                detail: $"Meta allows {PermissionsOptions.MetaRequestsPerSecond} call_permissions requests per second and the waiting line is full. {ex.Message}");
        }
        catch (MetaGraphException ex)
        {
            return GraphProblems.From(ex, "The call permission could not be read from Meta");
        }
    }

    internal static async Task<Results<Accepted<PermissionRequestResponse>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        string waId, PermissionRequestBody request, IMetaGraphClient graph, CallPermissionService permissions, IOptions<PermissionsOptions> options,
        CancellationToken cancellationToken)
    {
        if (!WaIds.TryNormalize(waId, out var id))
        {
            return WaIds.Invalid();
        }

        var text = string.IsNullOrWhiteSpace(request.BodyText) ? options.Value.DefaultRequestText : request.BodyText;
        try
        {
            var messageId = await graph.SendMessageAsync(PermissionRequestMessage.Build(id, text), cancellationToken).ConfigureAwait(false);
            return TypedResults.Accepted($"/api/permissions/{id}", new PermissionRequestResponse(id, messageId, text));
        }
        catch (MetaGraphException ex)
        {
            return GraphProblems.From(ex, "Meta did not send the permission request");
        }
        finally
        {
            // Meta counts the request against send_call_permission_request: the cached limits are stale now.
            permissions.Invalidate(id);
        }
    }

    private static RouteHandlerBuilder WithGraphProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway);
}
