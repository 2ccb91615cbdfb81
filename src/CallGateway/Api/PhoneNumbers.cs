namespace CallGateway.Api;

/// <summary>E.164 numbers as the Graph API takes them: digits only, country code first.</summary>
public static class PhoneNumbers
{
    public const string Pattern = @"^\+?[1-9][0-9]{6,14}$";

    /// <summary>Removes a leading + (the Graph API wants digits only).</summary>
    public static string Normalize(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.TrimStart('+');
    }
}
