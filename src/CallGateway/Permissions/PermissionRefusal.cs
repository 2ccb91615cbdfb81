using Microsoft.AspNetCore.Http.HttpResults;

namespace CallGateway.Permissions;

/// <summary>Why the gateway will not place a call to a user, in the shape of Meta's refusal (<paramref name="MetaErrorCode"/> is the code Meta would answer).</summary>
/// <param name="Source"><c>call_permissions</c> (Meta, just now or cached) or <c>stored</c> (the last reply or look-up, when Meta could not be asked).</param>
public sealed record PermissionRefusal(string WaId, string? Status, int? MetaErrorCode, string Detail, string Source)
{
    /// <summary>138006: no approved call permission. 138012: the connected-call limit per 24 h is reached.</summary>
    public const int NoPermissionCode = 138006;
    public const int CallLimitCode = 138012;

    public ProblemHttpResult ToProblem() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The call was not placed: no call permission",
        detail: Detail,
        extensions: new Dictionary<string, object?>
        {
            ["to"] = WaId,
            ["permissionStatus"] = Status,
            ["metaErrorCode"] = MetaErrorCode,
            ["source"] = Source,
            ["hint"] = $"Ask the user with POST /api/permissions/{WaId}/request, or send \"force\": true to leave the decision to Meta.",
        });
}
