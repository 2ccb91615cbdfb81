namespace CallGateway.Sandbox;

/// <summary>Keys of the sandbox's keyed services.</summary>
public static class SandboxServiceKeys
{
    /// <summary>The media engine of Meta's side: ICE-lite, like Meta's media edge.</summary>
    public const string EdgeMediaEngine = "sandbox-edge";
}
