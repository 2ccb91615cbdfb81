using FluentValidation;

namespace CallGateway.Api;

public sealed class PlaceCallRequestValidator : AbstractValidator<PlaceCallRequest>
{
    public PlaceCallRequestValidator()
    {
        RuleFor(r => r.To)
            .NotEmpty().WithMessage("'to' is required: the WhatsApp number to call, e.g. 14085551234.")
            .Matches(PhoneNumbers.Pattern).WithMessage("'to' must be an international phone number of 7 to 15 digits, optionally starting with +.");
        RuleFor(r => r.BizOpaqueCallbackData)
            .MaximumLength(512).WithMessage("'bizOpaqueCallbackData' is limited to 512 characters by Meta.")
            .Must(v => v is null || !v.Any(char.IsControl)).WithMessage("'bizOpaqueCallbackData' must not contain control characters.");
    }
}
