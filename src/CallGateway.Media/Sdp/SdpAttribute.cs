namespace CallGateway.Media.Sdp;

/// <summary>
/// One attribute line (RFC 8866 §5.13): <c>a=&lt;name&gt;</c> (property attribute, <see cref="Value"/> null) or
/// <c>a=&lt;name&gt;:&lt;value&gt;</c> (value attribute).
/// </summary>
/// <remarks>
/// The value is kept verbatim, leading spaces included (Chromium writes <c>a=msid-semantic: WMS ...</c>), so a parsed
/// description writes back byte for byte. Order and duplicates are preserved by the owning list.
/// </remarks>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    /// <summary>The text after <c>a=</c>.</summary>
    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
