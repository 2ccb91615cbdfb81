using System.Text;
using CallGateway.Meta.Webhooks;
using CallGateway.TestSupport;

namespace CallGateway.Meta.Tests.Webhooks;

public class WebhookParserTests
{
    [Fact]
    public void Parse_ReferenceConnectSample_YieldsTheAnswer()
    {
        var result = WebhookParser.Parse(WebhookFixtures.Bytes("reference-business-connect.json"));

        var connect = Assert.IsType<CallConnectNotification>(Assert.Single(result.Events));
        Assert.StartsWith("wacid.HBgLMTY1MDMxMzM5NzQV", connect.CallId);
        Assert.Equal("answer", connect.SdpType);
        Assert.StartsWith("v=0\r\no=- 8076734947255960322 2 IN IP4 127.0.0.1\r\n", connect.Sdp);
        Assert.Contains("a=ice-lite\r\n", connect.Sdp);
        Assert.False(connect.IsUserInitiated);
        Assert.Equal(1724467313, connect.Timestamp);
        Assert.Equal("105615555715855", connect.PhoneNumberId);
        Assert.Equal($"call:{connect.CallId}:connect", connect.DedupeKey);
    }

    [Fact]
    public void Parse_LegacyConnectionFormOnly_StillYieldsTheSdp()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Webhooks", "reference-business-connect.json"));
        var start = json.IndexOf("{\"session\":", StringComparison.Ordinal);
        var end = json.IndexOf("\"from\":", start, StringComparison.Ordinal);
        var legacyOnly = json.Remove(start + 1, end - start - 1); // drop "session":{...}, keep connection.webrtc.sdp

        var connect = Assert.IsType<CallConnectNotification>(Assert.Single(WebhookParser.Parse(Encoding.UTF8.GetBytes(legacyOnly)).Events));
        Assert.Equal("answer", connect.SdpType);
        Assert.Contains("a=fingerprint:sha-256 46:14:2B", connect.Sdp);
    }

    [Fact]
    public void Parse_UserConnect_KeepsSdpAndDirection()
    {
        var sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
        var result = WebhookParser.Parse(WebhookFixtures.Bytes("user-connect.json", new Dictionary<string, string> { ["CALL_ID"] = "wacid.U1", ["TIMESTAMP"] = "1700000000", ["SDP"] = sdp }));

        var connect = Assert.IsType<CallConnectNotification>(Assert.Single(result.Events));
        Assert.True(connect.IsUserInitiated);
        Assert.Equal("offer", connect.SdpType);
        Assert.Equal(sdp, connect.Sdp);
        Assert.Equal("15551112222", connect.From);
    }

    [Theory]
    [InlineData("terminate.json")]
    [InlineData("terminate-with-error.json")]
    public void Parse_Terminate_CarriesStatusTimesAndErrors(string fixture)
    {
        var values = new Dictionary<string, string> { ["CALL_ID"] = "wacid.T1", ["TIMESTAMP"] = "1671644944", ["DIRECTION"] = "BUSINESS_INITIATED" };
        var terminate = Assert.IsType<CallTerminateNotification>(Assert.Single(WebhookParser.Parse(WebhookFixtures.Bytes(fixture, values)).Events));
        Assert.Equal("wacid.T1", terminate.CallId);
        if (fixture == "terminate.json")
        {
            Assert.Equal("COMPLETED", terminate.Status);
            Assert.Equal(120, terminate.Duration);
            Assert.Equal(1671644824, terminate.StartTime);
            Assert.Equal("random_string", terminate.BizOpaqueCallbackData);
        }
        else
        {
            Assert.Equal("FAILED", terminate.Status); // given as an array, as the reference renders it
            var error = Assert.Single(terminate.Errors);
            Assert.Equal(138021, error.Code);
            Assert.Null(terminate.Duration);
        }
    }

    [Theory]
    [InlineData("RINGING")]
    [InlineData("ACCEPTED")]
    [InlineData("REJECTED")]
    public void Parse_Status_YieldsOneStatusEventWithStableKey(string status)
    {
        var body = WebhookFixtures.Bytes("status.json", new Dictionary<string, string> { ["CALL_ID"] = "wacid.S1", ["TIMESTAMP"] = "1671644824", ["STATUS"] = status });
        var evt = Assert.IsType<CallStatusNotification>(Assert.Single(WebhookParser.Parse(body).Events));
        Assert.Equal(status, evt.Status);
        Assert.Equal($"call:wacid.S1:status:{status}", evt.DedupeKey);
    }

    [Fact]
    public void Parse_PermissionReply_ReadsTheReply()
    {
        var body = WebhookFixtures.Bytes("permission-reply.json", new Dictionary<string, string> { ["TIMESTAMP"] = "1745000000", ["IS_PERMANENT"] = "true" });
        var reply = Assert.IsType<CallPermissionReplyNotification>(Assert.Single(WebhookParser.Parse(body).Events));
        Assert.Equal("accept", reply.Response);
        Assert.True(reply.IsPermanent);
        Assert.Equal(1745343479, reply.ExpirationTimestamp);
        Assert.Equal("user_action", reply.ResponseSource);
        Assert.Equal("wacid.gBGGFlaCmZ9plHrf2Mh-o", reply.ContextId);
        Assert.Equal("message:wamid.sH0kFlaCGg0xcvZbgmg90lHrg2dL", reply.DedupeKey);
    }

    [Fact]
    public void Parse_SeveralEntriesAndChanges_YieldsEveryEvent()
    {
        static string Change(string fixture, string id, string status) =>
            ExtractChange(WebhookFixtures.Load(fixture, new Dictionary<string, string> { ["CALL_ID"] = id, ["TIMESTAMP"] = "1", ["STATUS"] = status }));
        var body = "{\"object\":\"whatsapp_business_account\",\"entry\":[" +
                   "{\"id\":\"1\",\"changes\":[" + Change("status.json", "wacid.A", "RINGING") + "," + Change("status.json", "wacid.B", "ACCEPTED") + "]}," +
                   "{\"id\":\"2\",\"changes\":[" + Change("terminate.json", "wacid.C", "COMPLETED") + "]}]}";

        var result = WebhookParser.Parse(Encoding.UTF8.GetBytes(body));
        Assert.Equal(["wacid.A", "wacid.B", "wacid.C"], result.Events.Select(e => e.MetaCallId));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"entry\":\"nope\"}")]
    public void Parse_Malformed_ReportsAnError(string body) =>
        Assert.True(WebhookParser.Parse(Encoding.UTF8.GetBytes(body)).IsMalformed);

    [Fact]
    public void Parse_OtherFieldsAndEvents_AreIgnoredNotRejected()
    {
        var body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"account_update\",\"value\":{}}," +
                   "{\"field\":\"calls\",\"value\":{\"calls\":[{\"id\":\"wacid.X\",\"event\":\"call_recording_available\"}]}}]}]}";
        var result = WebhookParser.Parse(Encoding.UTF8.GetBytes(body));
        Assert.False(result.IsMalformed);
        Assert.Empty(result.Events);
        Assert.Equal(2, result.Ignored.Count);
    }

    [Fact]
    public void Parse_SeededGarbageAndMutations_NeverThrow()
    {
        var random = new Random(4733);
        var seed = WebhookFixtures.Bytes("reference-business-connect.json");
        for (var i = 0; i < 5000; i++)
        {
            var input = (byte[])seed.Clone();
            for (var k = random.Next(1, 8); k > 0; k--)
            {
                input[random.Next(input.Length)] = (byte)random.Next(256);
            }

            var cut = random.Next(2) == 0 ? input : input[..random.Next(input.Length)];
            _ = WebhookParser.Parse(cut); // must return, malformed or not
        }
    }

    private static string ExtractChange(string payload)
    {
        var start = payload.IndexOf("\"changes\":[", StringComparison.Ordinal) + "\"changes\":[".Length;
        var end = payload.LastIndexOf("]}]}", StringComparison.Ordinal);
        return payload[start..end];
    }
}
