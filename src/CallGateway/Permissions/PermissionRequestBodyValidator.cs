using FluentValidation;

namespace CallGateway.Permissions;

public sealed class PermissionRequestBodyValidator : AbstractValidator<PermissionRequestBody>
{
    /// <summary>Meta's limit for an interactive message's body text.</summary>
    public const int MaxBodyText = 1024;

    public PermissionRequestBodyValidator()
    {
        RuleFor(r => r.BodyText)
            .MaximumLength(MaxBodyText).WithMessage($"'bodyText' is limited to {MaxBodyText} characters by Meta.")
            .Must(t => t is null || !t.Any(c => char.IsControl(c) && c != '\n')).WithMessage("'bodyText' must not contain control characters other than line breaks.");
    }
}
