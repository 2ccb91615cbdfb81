using System.Globalization;
using System.Text.Json.Nodes;

namespace CallGateway.Sandbox.Graph;

/// <summary>A Graph API error as Meta returns it: <c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c>.</summary>
public sealed class SandboxGraphException(int httpStatus, int code, string message, string type = "OAuthException", int? subcode = null) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;
    public int Code { get; } = code;
    public string Type { get; } = type;
    public int? Subcode { get; } = subcode;

    public SandboxGraphException()
        : this(400, 100, "Invalid parameter")
    {
    }

    public SandboxGraphException(string message)
        : this(400, 100, message)
    {
    }

    public SandboxGraphException(string message, Exception innerException)
        : this(400, 100, message + ": " + innerException?.Message)
    {
    }

    /// <summary>(#100) Invalid parameter: bad input, malformed SDP, wrong state.</summary>
    public static SandboxGraphException InvalidParameter(string message) => new(400, 100, $"(#100) {message}", "OAuthException");

    /// <summary>(#190) The access token is missing or wrong.</summary>
    public static SandboxGraphException InvalidToken() => new(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");

    /// <summary>Unknown object id in the path (Graph answers GraphMethodException 100/33).</summary>
    public static SandboxGraphException UnknownObject(string id) =>
        new(400, 100, $"Unsupported post request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", "GraphMethodException", 33);

    /// <summary>138006: the user has not given the business permission to call.</summary>
    public static SandboxGraphException NoCallPermission() => new(400, 138006, "No approved call permission from the recipient", "OAuthException");

    public JsonObject ToJson() => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = Message,
            ["type"] = Type,
            ["code"] = Code,
            ["error_subcode"] = Subcode,
            ["fbtrace_id"] = "SBX" + Random.Shared.Next().ToString("X8", CultureInfo.InvariantCulture),
        },
    };
}
