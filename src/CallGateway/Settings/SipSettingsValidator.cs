using CallGateway.Meta.Settings;
using FluentValidation;

namespace CallGateway.Settings;

/// <summary>SIP settings: a valid status and at most one server with a DNS host name and a port.</summary>
public sealed class SipSettingsValidator : AbstractValidator<SipSettings>
{
    public SipSettingsValidator()
    {
        RuleFor(s => s.Status).Must(SettingsValues.IsStatus).When(s => s.Status is not null)
            .WithMessage(s => $"Invalid status: 'sip.status' must be ENABLED or DISABLED (got '{s.Status}').");
        RuleFor(s => s.Servers).Must(servers => servers!.Count <= 1).When(s => s.Servers is not null)
            .WithMessage("'sip.servers' takes one server: Meta allows one SIP server per app.");
        RuleForEach(s => s.Servers).NotNull().WithMessage("A SIP server entry is empty.").ChildRules(server =>
        {
            server.RuleFor(x => x.Hostname)
                .NotEmpty().WithMessage("'hostname' is required: the host name your TLS certificate covers, e.g. sip.example.com.")
                .Must(h => Uri.CheckHostName(h) == UriHostNameType.Dns).When(x => !string.IsNullOrEmpty(x.Hostname), ApplyConditionTo.CurrentValidator)
                .WithMessage("'hostname' must be a DNS host name such as sip.example.com (no scheme, port or path).");
            server.RuleFor(x => x.Port).InclusiveBetween(1, 65535).When(x => x.Port is not null)
                .WithMessage("'port' must be from 1 to 65535 (Meta's default is 5061).");
            server.RuleFor(x => x.RequestUriUserParams)
                .Must(p => p!.All(kv => kv.Key.Length > 0 && !kv.Key.Any(IsUnsafe) && !kv.Value.Any(IsUnsafe)))
                .When(x => x.RequestUriUserParams is not null)
                .WithMessage("'requestUriUserParams' keys must not be empty, and keys and values must not contain ';', '=', spaces or control characters.");
        });
    }

    private static bool IsUnsafe(char c) => c is ';' or '=' or '?' or '@' || char.IsWhiteSpace(c) || char.IsControl(c);
}
