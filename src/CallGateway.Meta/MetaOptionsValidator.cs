using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CallGateway.Meta;

/// <summary>
/// Start-up validation of <see cref="MetaOptions"/>: every failure names the configuration key and its
/// environment-variable form, so an operator knows exactly what to set.
/// </summary>
public sealed partial class MetaOptionsValidator : IValidateOptions<MetaOptions>
{
    public ValidateOptionsResult Validate(string? name, MetaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Required(failures, nameof(MetaOptions.AccessToken), options.AccessToken);
        Required(failures, nameof(MetaOptions.AppSecret), options.AppSecret);
        Required(failures, nameof(MetaOptions.VerifyToken), options.VerifyToken);
        Required(failures, nameof(MetaOptions.PhoneNumberId), options.PhoneNumberId);
        Required(failures, nameof(MetaOptions.ApiVersion), options.ApiVersion);

        if (!Uri.TryCreate(options.GraphApiBaseUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Key(nameof(MetaOptions.GraphApiBaseUrl))} must be an absolute http(s) URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiVersion) && !VersionPattern().IsMatch(options.ApiVersion))
        {
            failures.Add($"{Key(nameof(MetaOptions.ApiVersion))} must look like v23.0.");
        }

        if (!string.IsNullOrWhiteSpace(options.PhoneNumberId) && !PhoneNumberIdPattern().IsMatch(options.PhoneNumberId))
        {
            failures.Add($"{Key(nameof(MetaOptions.PhoneNumberId))} must be the numeric phone number id from WhatsApp Manager.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Required(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Key(key)} is required (environment variable {MetaOptions.SectionName}__{key}).");
        }
    }

    private static string Key(string key) => $"{MetaOptions.SectionName}:{key}";

    [GeneratedRegex(@"^v\d{1,3}\.\d{1,2}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\d{1,32}$")]
    private static partial Regex PhoneNumberIdPattern();
}
