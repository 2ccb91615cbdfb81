namespace CallGateway.Media.Sdp;

/// <summary>
/// Look-ups over an ordered attribute list. Attribute names compare case-insensitively: RFC 8866 does not make
/// them case-significant and accepting <c>a=ICE-UFRAG</c> costs nothing.
/// </summary>
internal static class SdpAttributeList
{
    public static SdpAttribute? Find(IList<SdpAttribute> attributes, string name)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (string.Equals(attributes[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attributes[i];
            }
        }

        return null;
    }

    public static IReadOnlyList<SdpAttribute> FindAll(IList<SdpAttribute> attributes, string name)
    {
        List<SdpAttribute>? found = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (string.Equals(attributes[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                (found ??= []).Add(attributes[i]);
            }
        }

        return found is null ? [] : found;
    }
}
