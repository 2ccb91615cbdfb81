using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Meta.Settings;

/// <summary>IANA time zone lookup as Meta takes <c>timezone_id</c>: exact IANA ids only (no Windows ids, no case folding).</summary>
public static class IanaTimeZones
{
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            return false;
        }

        // On Linux a Windows id ("Eastern Standard Time") or a differently cased id is accepted too: Meta takes neither.
        if (!found.HasIanaId || !string.Equals(found.Id, id, StringComparison.Ordinal))
        {
            return false;
        }

        zone = found;
        return true;
    }
}
