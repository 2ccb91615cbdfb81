using System.Globalization;
using CallGateway.TestSupport;

namespace CallGateway.Tests.Support;

/// <summary>Webhook bodies from the reference-based fixtures, stamped with the current time.</summary>
internal static class TestWebhooks
{
    public const string UserNumber = "15551112222";

    public static string Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string UserConnect(string callId, string sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n") =>
        WebhookFixtures.Load("user-connect.json", new Dictionary<string, string> { ["CALL_ID"] = callId, ["TIMESTAMP"] = Now, ["SDP"] = sdp });

    public static string BusinessConnect(string callId, string sdp = "v=0\r\no=- 9 2 IN IP4 31.13.65.130\r\ns=-\r\nt=0 0\r\n") =>
        WebhookFixtures.Load("business-connect.json", new Dictionary<string, string> { ["CALL_ID"] = callId, ["TIMESTAMP"] = Now, ["SDP"] = sdp, ["USER_NUMBER"] = "14085551234" });

    public static string Status(string callId, string status) =>
        WebhookFixtures.Load("status.json", new Dictionary<string, string> { ["CALL_ID"] = callId, ["TIMESTAMP"] = Now, ["STATUS"] = status });

    public static string Terminate(string callId, string direction = "USER_INITIATED", int duration = 120) =>
        WebhookFixtures.Load("terminate.json", new Dictionary<string, string>
        {
            ["CALL_ID"] = callId, ["TIMESTAMP"] = Now, ["DIRECTION"] = direction, ["DURATION"] = duration.ToString(CultureInfo.InvariantCulture),
        });
}
