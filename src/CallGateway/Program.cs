using CallGateway.Api;
using CallGateway.Health;
using CallGateway.Hosting;
using CallGateway.Meta;
using CallGateway.Persistence;
using CallGateway.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRootAppSettings(builder.Environment);
builder.AddCallGatewayLogging();

builder.Services.AddCallGatewayMeta();
builder.Services.AddCallGatewayPersistence();
builder.Services.AddCallGatewayCalls();
builder.Services.AddCallGatewayMedia();
builder.Services.AddCallGatewayApi();
builder.Services.AddCallGatewayHealth();

var app = builder.Build();

// Schema first: no webhook may be acknowledged before the inbox can store it.
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);

app.UseCallGatewayApi();
app.MapWebhookEndpoints();
app.MapCallsEndpoints();
app.MapHealthEndpoints();

await app.RunAsync();
