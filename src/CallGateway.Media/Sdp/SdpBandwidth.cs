using System.Globalization;

namespace CallGateway.Media.Sdp;

/// <summary>The <c>b=</c> line (RFC 8866 §5.8): <c>b=&lt;bwtype&gt;:&lt;bandwidth&gt;</c>, e.g. <c>b=AS:64</c>.</summary>
public sealed record SdpBandwidth(string Type, ulong Value)
{
    /// <summary>The text after <c>b=</c>.</summary>
    public override string ToString() => Type + ":" + Value.ToString(CultureInfo.InvariantCulture);
}
