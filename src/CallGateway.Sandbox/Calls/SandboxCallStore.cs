using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CallGateway.Sandbox.Calls;

/// <summary>Calls known to the sandbox, by wacid.</summary>
public sealed class SandboxCallStore
{
    private readonly ConcurrentDictionary<string, SandboxCall> _calls = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SandboxCall> All => _calls.Values.OrderBy(c => c.CreatedAt).ToList();

    public SandboxCall? Find(string id) => _calls.TryGetValue(id, out var call) ? call : null;

    public void Add(SandboxCall call) => _calls[call.Id] = call;

    /// <summary>A new wacid in Meta's style (base64url-ish after "wacid.").</summary>
    public static string NewCallId() => "wacid." + Base64Url(RandomNumberGenerator.GetBytes(24));

    /// <summary>A new message id (wamid).</summary>
    public static string NewMessageId() => "wamid." + Base64Url(RandomNumberGenerator.GetBytes(18));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
