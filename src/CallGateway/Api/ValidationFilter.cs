using FluentValidation;

namespace CallGateway.Api;

/// <summary>Runs the FluentValidation validator of the endpoint's <typeparamref name="T"/> argument; 400 problem+json on failure.</summary>
public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
    where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Request body required",
                detail: $"The request needs a JSON body ({typeof(T).Name}).");
        }

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return TypedResults.ValidationProblem(result.ToDictionary(), title: "The request is invalid");
        }

        return await next(context).ConfigureAwait(false);
    }
}

public static class ValidationFilterExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> body before the handler runs and documents the 400.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder)
        where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
