using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallGateway.Meta;
using CallGateway.Sandbox.Calls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallGateway.Sandbox.Graph;

/// <summary>
/// The emulated Graph API under <c>/sandbox/graph/{version}/{phone-number-id}</c>: calls (every action),
/// call_permissions, settings and messages, with Meta's response shapes and error codes.
/// </summary>
public static class SandboxGraphEndpoints
{
    public static IEndpointRouteBuilder MapSandboxGraph(this IEndpointRouteBuilder app)
    {
        // The emulated Graph API checks Meta's bearer token itself.
        var graph = app.MapGroup("/sandbox/graph/{version}/{phoneNumberId}").ExcludeFromDescription().AllowAnonymous();
        graph.MapPost("/calls", CallsAsync);
        graph.MapGet("/call_permissions", (HttpContext http, string phoneNumberId, string? user_wa_id, MetaSimulator meta) =>
            Handle(http, phoneNumberId, "call_permissions", null, () => Task.FromResult<JsonNode>(meta.CallPermissions(user_wa_id))));
        graph.MapGet("/settings", (HttpContext http, string phoneNumberId, bool? include_sip_credentials, SandboxSettings settings) =>
            Handle(http, phoneNumberId, "settings/get", null, () => Task.FromResult<JsonNode>(settings.Get(include_sip_credentials == true))));
        graph.MapPost("/settings", SettingsAsync);
        graph.MapPost("/messages", MessagesAsync);
        return app;
    }

    private static async Task<IResult> CallsAsync(HttpContext http, string phoneNumberId, MetaSimulator meta)
    {
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var action = body?["action"].AsString() ?? "connect";
        var callId = body?["call_id"].AsString();
        return await Handle(http, phoneNumberId, action, callId, async () =>
        {
            if (body?["messaging_product"].AsString() != "whatsapp")
            {
                throw SandboxGraphException.InvalidParameter("The parameter messaging_product must be \"whatsapp\".");
            }

            var sdpType = body["session"]?["sdp_type"].AsString();
            var sdp = body["session"]?["sdp"].AsString();
            var opaque = body["biz_opaque_callback_data"].AsString();
            switch (action)
            {
                case "connect":
                    var call = meta.Connect(body["to"].AsString(), sdpType, sdp, opaque);
                    return new JsonObject { ["messaging_product"] = "whatsapp", ["calls"] = new JsonArray { new JsonObject { ["id"] = call.Id } } };
                case "pre_accept":
                    await meta.PreAcceptAsync(callId, sdpType, sdp).ConfigureAwait(false);
                    break;
                case "accept":
                    await meta.AcceptAsync(callId, sdpType, sdp, opaque).ConfigureAwait(false);
                    break;
                case "reject":
                    await meta.RejectAsync(callId).ConfigureAwait(false);
                    break;
                case "terminate":
                    await meta.TerminateAsync(callId).ConfigureAwait(false);
                    break;
                default:
                    throw SandboxGraphException.InvalidParameter($"The parameter action must be one of connect, pre_accept, accept, reject, terminate (got \"{action}\").");
            }

            return new JsonObject { ["messaging_product"] = "whatsapp", ["success"] = true };
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> SettingsAsync(HttpContext http, string phoneNumberId, SandboxSettings settings, TimeProvider time)
    {
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        return await Handle(http, phoneNumberId, "settings/update", null, () =>
        {
            if (body?["calling"] is not JsonObject calling)
            {
                throw SandboxGraphException.InvalidParameter("The body must be {\"calling\":{...}}.");
            }

            SandboxSettingsRules.Validate(calling, time.GetUtcNow());
            settings.Update(calling);
            return Task.FromResult<JsonNode>(new JsonObject { ["success"] = true });
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> MessagesAsync(HttpContext http, string phoneNumberId, MetaSimulator meta)
    {
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        return await Handle(http, phoneNumberId, "messages", null, () =>
        {
            var id = meta.SendMessage(body);
            return Task.FromResult<JsonNode>(new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["contacts"] = new JsonArray { new JsonObject { ["input"] = body?["to"]?.DeepClone(), ["wa_id"] = body?["to"]?.DeepClone() } },
                ["messages"] = new JsonArray { new JsonObject { ["id"] = id } },
            });
        }).ConfigureAwait(false);
    }

    /// <summary>Checks the bearer token and phone number id, runs the action, maps errors to Graph's shape, logs the request.</summary>
    private static async Task<IResult> Handle(HttpContext http, string phoneNumberId, string action, string? callId, Func<Task<JsonNode>> run)
    {
        var meta = http.RequestServices.GetRequiredService<MetaSimulator>();
        var log = http.RequestServices.GetRequiredService<GraphRequestLog>();
        var token = http.RequestServices.GetRequiredService<IOptionsMonitor<MetaOptions>>().CurrentValue.AccessToken;
        try
        {
            if (!BearerMatches(http.Request.Headers.Authorization.ToString(), token))
            {
                throw SandboxGraphException.InvalidToken();
            }

            if (!string.Equals(phoneNumberId, meta.PhoneNumberId, StringComparison.Ordinal))
            {
                throw SandboxGraphException.UnknownObject(phoneNumberId);
            }

            var result = await run().ConfigureAwait(false);
            log.Add(http.Request.Method, http.Request.Path, action, callId ?? (result["calls"] as JsonArray)?[0]?["id"].AsString(), 200, null);
            return Results.Json(result, statusCode: 200);
        }
        catch (SandboxGraphException error)
        {
            log.Add(http.Request.Method, http.Request.Path, action, callId, error.HttpStatus, error.Code);
            return Results.Json(error.ToJson(), statusCode: error.HttpStatus);
        }
    }

    private static bool BearerMatches(string header, string token) =>
        header.StartsWith("Bearer ", StringComparison.Ordinal) && token.Length > 0
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header[7..])), SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
