using System.Collections.Concurrent;

namespace CallGateway.Sandbox.Users;

/// <summary>The simulated WhatsApp users, created on first use with a temporary permission to be called.</summary>
public sealed class SandboxUsers(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SandboxUser> _users = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SandboxUser> All => _users.Values.ToList();

    public SandboxUser Get(string number) =>
        _users.GetOrAdd(number.TrimStart('+'), n => new SandboxUser(n) { PermissionExpiresAt = time.GetUtcNow().AddDays(7) });
}
