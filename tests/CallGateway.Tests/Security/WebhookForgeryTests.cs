using System.Net;
using System.Text;
using System.Text.Json;
using CallGateway.Meta.Webhooks;
using CallGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CallGateway.Tests.Security;

/// <summary>Forged, unsigned, truncated and re-serialised webhooks: N tried, 0 accepted, 0 stored, 0 server errors.</summary>
public sealed class WebhookForgeryTests(ITestOutputHelper output) : IDisposable
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task EveryForgery_IsRefusedAndNothingIsStored()
    {
        var client = _gateway.CreateClient();
        var random = new Random(20261124);
        string[] bodies =
        [
            TestWebhooks.UserConnect("wacid.F1", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=Jos\u00e9 \ud83d\udcde\r\nt=0 0\r\n"),
            TestWebhooks.Terminate("wacid.F2"),
            TestWebhooks.Status("wacid.F3", "ACCEPTED"),
        ];
        var tried = 0;
        var accepted = 0;
        var serverErrors = 0;
        foreach (var body in bodies)
        {
            foreach (var (bytes, signature) in Forgeries(body, random))
            {
                using var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                if (signature is not null)
                {
                    content.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
                }

                var response = await client.PostAsync(new Uri("/webhooks/whatsapp", UriKind.Relative), content);
                tried++;
                accepted += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
                serverErrors += (int)response.StatusCode >= 500 ? 1 : 0;
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
        }

        await using var db = _gateway.OpenDatabase();
        var stored = await db.Inbox.CountAsync();
        output.WriteLine($"forged webhooks: {tried} tried, {accepted} accepted, {stored} stored, {serverErrors} server errors");
        Assert.True(tried >= 1500, $"only {tried} forgeries");
        Assert.Equal(0, stored);
        Assert.Empty(_gateway.Graph.Requests);
    }

    [Fact]
    public async Task ValidUnicodeWebhooks_AsMetaEscapesThem_AreAllAccepted()
    {
        var client = _gateway.CreateClient();
        var accepted = 0;
        for (var i = 0; i < 200; i++)
        {
            var body = TestWebhooks.Terminate($"wacid.U{i}").Replace("random_string", "caf\\u00e9 \\ud83d\\udcde \\u4f60\\u597d", StringComparison.Ordinal);
            accepted += (await GatewayFactory.PostWebhookAsync(client, body)).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        output.WriteLine($"valid unicode webhooks: 200 sent, {accepted} accepted");
        Assert.Equal(200, accepted);
    }

    /// <summary>~600 forged variants of one body.</summary>
    private static IEnumerable<(byte[] Body, string? Signature)> Forgeries(string body, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var valid = WebhookSignature.Compute(bytes, GatewayFactory.AppSecret);
        yield return (bytes, null);                                                   // unsigned
        yield return (bytes, "");                                                     // empty header
        yield return (bytes, valid.Replace("sha256=", "sha1=", StringComparison.Ordinal));
        yield return (bytes, valid.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal) + "00");
        yield return (bytes, "sha256=" + new string('g', 64));
        yield return (bytes, WebhookSignature.Compute(bytes, "the-wrong-app-secret"));
        yield return (Reserialise(bytes), valid);                                     // same JSON, different bytes
        yield return (Encoding.UTF8.GetBytes(body + " "), valid);                     // trailing whitespace
        for (var i = 0; i < 200; i++)
        {
            var cut = random.Next(1, bytes.Length);
            yield return (bytes[..cut], valid);                                       // truncated
            var flipped = (byte[])bytes.Clone();
            flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
            yield return (flipped, valid);                                            // one bit changed
            var guess = new byte[32];
            random.NextBytes(guess);
            yield return (bytes, "sha256=" + Convert.ToHexStringLower(guess));        // random signature
        }
    }

    private static byte[] Reserialise(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return JsonSerializer.SerializeToUtf8Bytes(document.RootElement, Relaxed);
    }
}
