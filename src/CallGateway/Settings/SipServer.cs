using System.Text;

namespace CallGateway.Settings;

/// <summary>Your SIP server that Meta sends INVITEs to.</summary>
/// <param name="Hostname">Host name covered by your TLS certificate, e.g. sip.example.com.</param>
/// <param name="Port">TLS port, 1-65535 (Meta's default is 5061).</param>
/// <param name="RequestUriUserParams">Extra user parameters on the request URI, e.g. {"TGRP":"..."}; keys are sent as given.</param>
/// <param name="SipUserPassword">Only in GET responses with includeSipCredentials=true: the digest password Meta generated.
/// Secret: never logged, and ignored on PUT (Meta generates it).</param>
public sealed record SipServer(
    string? Hostname,
    int? Port,
    IReadOnlyDictionary<string, string>? RequestUriUserParams,
    string? SipUserPassword = null)
{
    /// <summary>Keeps the password out of <c>ToString()</c>, so no log line or exception message can carry it.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Hostname = ").Append(Hostname).Append(", Port = ").Append(Port)
            .Append(", SipUserPassword = ").Append(SipUserPassword is null ? "null" : "***");
        return true;
    }
}
