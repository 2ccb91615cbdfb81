using System.Globalization;

namespace CallGateway.Media.Sdp;

/// <summary>
/// The <c>o=</c> line (RFC 8866 §5.2):
/// <code>
/// o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;
/// o=-          3626166318745852955 2 IN IP4 127.0.0.1
/// </code>
/// </summary>
/// <remarks>
/// The session id stays a digit string: RFC 8866 only says "numeric string", and peers send values that do not fit a
/// signed 64-bit integer. The version is numeric because an updated offer must increment it (RFC 3264 §8).
/// </remarks>
public sealed record SdpOrigin(
    string Username,
    string SessionId,
    ulong SessionVersion,
    string NetworkType,
    string AddressType,
    string Address)
{
    /// <summary>The text after <c>o=</c>.</summary>
    public override string ToString() =>
        string.Join(' ', Username, SessionId, SessionVersion.ToString(CultureInfo.InvariantCulture), NetworkType, AddressType, Address);
}
