namespace CallGateway.Calls;

/// <summary>Our call ids: time-ordered, URL-safe, distinct from Meta's wacid.</summary>
public static class CallIds
{
    public const string Prefix = "call_";

    public static string New() => Prefix + Guid.CreateVersion7().ToString("N");
}
