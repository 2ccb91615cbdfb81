namespace CallGateway.Security;

/// <summary>
/// Clients of the internal REST API, each with its own key sent in the <c>X-Api-Key</c> header. Bound from the
/// <c>Api</c> section, e.g. <c>Api__Keys__0__Client=crm</c>, <c>Api__Keys__0__Key=...</c>.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Api";
    public const string HeaderName = "X-Api-Key";
    public const int MinimumKeyLength = 16;

    /// <summary>One entry per client; keys are secrets and never logged.</summary>
    public List<ApiClientKey> Keys { get; set; } = [];
}

/// <summary>A client's name (for logs) and its key.</summary>
public sealed class ApiClientKey
{
    public string Client { get; set; } = "";
    public string Key { get; set; } = "";
}
