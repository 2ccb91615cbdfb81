using CallGateway.Meta.Settings;
using FluentValidation;

namespace CallGateway.Settings;

/// <summary>
/// Meta's rules, checked before anything is sent: enumerations, SIP servers and every <see cref="CallHoursRules"/>
/// rule (one error per broken rule, keyed by the field, with Meta's own text first).
/// </summary>
public sealed class CallingSettingsValidator : AbstractValidator<CallingSettings>
{
    public CallingSettingsValidator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        RuleFor(s => s).Must(s => !s.IsEmpty).OverridePropertyName("Settings")
            .WithMessage("The request changes nothing: give at least one of status, callIconVisibility, callbackPermissionStatus, callHours, sip.");
        RuleFor(s => s.Status).Must(SettingsValues.IsStatus).When(s => s.Status is not null)
            .WithMessage(s => $"Invalid status: 'status' must be ENABLED or DISABLED (got '{s.Status}').");
        RuleFor(s => s.CallbackPermissionStatus).Must(SettingsValues.IsStatus).When(s => s.CallbackPermissionStatus is not null)
            .WithMessage(s => $"Invalid status: 'callbackPermissionStatus' must be ENABLED or DISABLED (got '{s.CallbackPermissionStatus}').");
        RuleFor(s => s.CallIconVisibility).Must(SettingsValues.IsCallIconVisibility).When(s => s.CallIconVisibility is not null)
            .WithMessage(s => $"'callIconVisibility' must be DEFAULT or DISABLE_ALL (got '{s.CallIconVisibility}').");
        RuleFor(s => s.CallHours).Custom((hours, context) =>
        {
            if (hours is null)
            {
                return;
            }

            foreach (var violation in CallHoursRules.Validate(hours.ToSpec(), time.GetUtcNow()))
            {
                context.AddFailure(SettingsPaths.ToRest(violation.Path), violation.Message);
            }
        });
        RuleFor(s => s.Sip!).SetValidator(new SipSettingsValidator()).When(s => s.Sip is not null);
    }
}
