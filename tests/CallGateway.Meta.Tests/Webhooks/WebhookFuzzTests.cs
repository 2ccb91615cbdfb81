using System.Text.Json;
using CallGateway.Media.Tests.Fuzz;
using CallGateway.Meta.Webhooks;
using CallGateway.TestSupport;
using Xunit.Abstractions;

namespace CallGateway.Meta.Tests.Webhooks;

/// <summary>Seeded mutational fuzzing of the webhook JSON parser and its inbox round trip; see Mutator.</summary>
public class WebhookFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void WebhookJson_NeverThrows()
    {
        var values = new Dictionary<string, string> { ["CALL_ID"] = "wacid.FZ", ["TIMESTAMP"] = "1700000000", ["SDP"] = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" };
        byte[][] seeds =
        [
            WebhookFixtures.Bytes("reference-business-connect.json"),
            WebhookFixtures.Bytes("user-connect.json", values),
            WebhookFixtures.Bytes("terminate.json", values),
            WebhookFixtures.Bytes("terminate-with-error.json", values),
            WebhookFixtures.Bytes("status.json", values),
            WebhookFixtures.Bytes("permission-reply.json", values),
        ];
        var result = new Mutator(seeds, 2026).Run(input =>
        {
            var parsed = WebhookParser.Parse(input);
            foreach (var evt in parsed.Events)
            {
                // What the inbox stores must read back.
                var json = JsonSerializer.Serialize(evt, MetaJsonContext.Default.MetaWebhookEvent);
                _ = JsonSerializer.Deserialize(json, MetaJsonContext.Default.MetaWebhookEvent) ?? throw new InvalidOperationException("round trip lost the event");
            }
        });
        output.WriteLine($"fuzz webhook JSON: {result.Iterations} inputs, 0 crashes, slowest {result.Slowest.TotalMilliseconds:0.00} ms");
        Assert.True(result.Slowest < TimeSpan.FromSeconds(1));
    }
}
