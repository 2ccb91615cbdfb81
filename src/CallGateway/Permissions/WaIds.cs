using System.Text.RegularExpressions;
using CallGateway.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallGateway.Permissions;

/// <summary>WhatsApp ids (the user's number) in routes: checked, normalised to digits, and masked in logs.</summary>
public static class WaIds
{
    public static bool TryNormalize(string? waId, out string normalized)
    {
        normalized = waId is not null && Regex.IsMatch(waId, PhoneNumbers.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)) ? PhoneNumbers.Normalize(waId) : "";
        return normalized.Length > 0;
    }

    public static ValidationProblem Invalid() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["WaId"] = ["'waId' must be the user's WhatsApp number: 7 to 15 digits, optionally starting with +, e.g. 14085551234."] },
        title: "The request is invalid");

    /// <summary>The last four digits only: full numbers stay out of the logs.</summary>
    public static string Mask(string waId) => waId.Length <= 4 ? "****" : new string('*', waId.Length - 4) + waId[^4..];
}
