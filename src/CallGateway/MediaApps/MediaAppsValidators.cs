using FluentValidation;

namespace CallGateway.MediaApps;

public sealed class PlayRequestValidator : AbstractValidator<PlayRequest>
{
    public PlayRequestValidator() =>
        RuleFor(r => r.Prompt)
            .NotEmpty().WithMessage("'prompt' is required: the name of a WAV in the prompts folder (or POST an audio/wav body).")
            .Matches("^[A-Za-z0-9_-]{1,64}$").WithMessage("'prompt' is a file name without extension: letters, digits, '-' and '_' (1-64).");
}

public sealed class DtmfRequestValidator : AbstractValidator<DtmfRequest>
{
    public DtmfRequestValidator() =>
        RuleFor(r => r.Digits)
            .NotEmpty().WithMessage("'digits' is required.")
            .Matches("^[0-9*#A-D]{1,32}$").WithMessage("'digits' are 1 to 32 of 0-9, *, #, A-D.");
}
