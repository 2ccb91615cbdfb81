namespace CallGateway.Media.Sdp;

/// <summary>
/// One media description (RFC 8866 §5.14):
/// <code>
/// m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; &lt;fmt&gt; ...
/// m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 110 126
/// i=  c=*  b=*  k=  a=*
/// </code>
/// </summary>
/// <remarks>
/// Formats stay strings: for RTP profiles they are payload-type numbers (the parser checks 0..127), for others
/// (e.g. <c>webrtc-datachannel</c>) they are tokens. Mutable and not thread-safe.
/// </remarks>
public sealed class MediaDescription
{
    public MediaDescription(string media, int port, string protocol)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
    }

    /// <summary>"audio", "video", "application", ...</summary>
    public string Media { get; set; }

    /// <summary>The transport port; 0 rejects (answer) or disables (offer) the section (RFC 3264 §6, §8.2).</summary>
    public int Port { get; set; }

    /// <summary>The optional <c>/&lt;number of ports&gt;</c> suffix.</summary>
    public int? PortCount { get; set; }

    /// <summary>The transport protocol, e.g. <c>UDP/TLS/RTP/SAVPF</c> (RFC 5764 §8-9).</summary>
    public string Protocol { get; set; }

    public IList<string> Formats { get; } = new List<string>();

    public string? Information { get; set; }

    /// <summary>The <c>c=</c> lines; RFC 8866 allows several at media level (layered multicast), WebRTC sends one.</summary>
    public IList<SdpConnection> Connections { get; } = new List<SdpConnection>();

    /// <summary>The first <c>c=</c> line of this section, or null.</summary>
    public SdpConnection? Connection => Connections.Count > 0 ? Connections[0] : null;

    public IList<SdpBandwidth> Bandwidths { get; } = new List<SdpBandwidth>();

    /// <summary>The obsolete <c>k=</c> text (RFC 8866 §5.12), kept only so it round-trips.</summary>
    public string? EncryptionKey { get; set; }

    public IList<SdpAttribute> Attributes { get; } = new List<SdpAttribute>();

    /// <summary>The first attribute with this name in this section, or null.</summary>
    public SdpAttribute? FindAttribute(string name) => SdpAttributeList.Find(Attributes, name);

    /// <summary>All attributes with this name in this section, in order.</summary>
    public IReadOnlyList<SdpAttribute> FindAttributes(string name) => SdpAttributeList.FindAll(Attributes, name);

    public bool HasAttribute(string name) => FindAttribute(name) is not null;
}
