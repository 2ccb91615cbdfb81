using System.Text.Json.Serialization;
using CallGateway.Api;
using CallGateway.Security;
using FluentValidation;
using Microsoft.OpenApi;
using Serilog;

namespace CallGateway.Hosting;

internal static class ApiSetup
{
    public static IServiceCollection AddCallGatewayApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures surface as exceptions everywhere, so the handler above can explain them.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidatorsFromAssemblyContaining<PlaceCallRequestValidator>(ServiceLifetime.Singleton);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CallGateway",
                Version = "v1",
                Description = "Internal API of the WhatsApp Business voice-call gateway: place, accept, reject and hang up calls, and inspect them.",
            });
            o.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyOptions.HeaderName,
                Description = "Client key of the internal API (Api:Keys). In sandbox mode without configured keys: " + SecuritySetup.SandboxKey,
            });
            o.OperationFilter<ApiKeyOperationFilter>();
            var xml = Path.Combine(AppContext.BaseDirectory, "CallGateway.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    public static WebApplication UseCallGatewayApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The host's own Serilog logger (the static one is not used: see LoggingSetup).
        app.UseSerilogRequestLogging(o => o.Logger ??= app.Services.GetService<Serilog.ILogger>());
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "CallGateway API");
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
