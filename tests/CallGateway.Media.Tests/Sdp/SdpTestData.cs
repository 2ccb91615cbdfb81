using System.Text.Json;

namespace CallGateway.Media.Tests.Sdp;

/// <summary>Loads the SDP corpus in TestData/Sdp (see its README for provenance).</summary>
internal static class SdpTestData
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "Sdp");

    public static string[] SdpFileNames =>
    [
        "meta-business-offer-restored.sdp",
        "meta-business-answer-restored.sdp",
        "meta-user-offer-restored.sdp",
        "meta-user-answer-restored.sdp",
        "chromium-offer.sdp",
        "werift-lite-offer.sdp",
    ];

    public static string ReadSdp(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    /// <summary>session.sdp of a curl body (new call / accept call).</summary>
    public static string CurlSessionSdp(string fileName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, fileName)));
        return doc.RootElement.GetProperty("session").GetProperty("sdp").GetString()!;
    }

    /// <summary>connection.webrtc.sdp of the legacy curl body: a JSON string holding {"sdp": ..., "type": ...}.</summary>
    public static string CurlLegacySdp(out string type)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "meta-curl-new-call-legacy.json")));
        return UnwrapLegacy(doc.RootElement.GetProperty("connection"), out type);
    }

    public static string WebhookSessionSdp()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "meta-webhook-connect.json")));
        return WebhookCall(doc).GetProperty("session").GetProperty("sdp").GetString()!;
    }

    public static string WebhookLegacySdp(out string type)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "meta-webhook-connect.json")));
        return UnwrapLegacy(WebhookCall(doc).GetProperty("connection"), out type);
    }

    /// <summary>Every SDP of the corpus, JSON-embedded ones included, as (name, text).</summary>
    public static IEnumerable<(string Name, string Text)> All()
    {
        foreach (var name in SdpFileNames)
        {
            yield return (name, ReadSdp(name));
        }

        yield return ("meta-curl-new-call.json", CurlSessionSdp("meta-curl-new-call.json"));
        yield return ("meta-curl-accept-call.json", CurlSessionSdp("meta-curl-accept-call.json"));
        yield return ("meta-curl-new-call-legacy.json", CurlLegacySdp(out _));
        yield return ("meta-webhook-connect.json#session", WebhookSessionSdp());
        yield return ("meta-webhook-connect.json#connection", WebhookLegacySdp(out _));
    }

    public static TheoryData<string> AllNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in All())
        {
            data.Add(name);
        }

        return data;
    }

    public static string ByName(string name)
    {
        foreach (var (n, text) in All())
        {
            if (n == name)
            {
                return text;
            }
        }

        throw new ArgumentException("no corpus entry " + name, nameof(name));
    }

    private static JsonElement WebhookCall(JsonDocument doc) =>
        doc.RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value").GetProperty("calls")[0];

    private static string UnwrapLegacy(JsonElement connection, out string type)
    {
        var inner = connection.GetProperty("webrtc").GetProperty("sdp").GetString()!;
        using var innerDoc = JsonDocument.Parse(inner);
        type = innerDoc.RootElement.GetProperty("type").GetString()!;
        return innerDoc.RootElement.GetProperty("sdp").GetString()!;
    }
}
