using CallGateway.Api;
using CallGateway.Events;
using CallGateway.Health;
using CallGateway.Hosting;
using CallGateway.MediaApps;
using CallGateway.Meta;
using CallGateway.Observability;
using CallGateway.Permissions;
using CallGateway.Persistence;
using CallGateway.Sandbox;
using CallGateway.Security;
using CallGateway.Settings;
using CallGateway.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRootAppSettings(builder.Environment);
builder.AddCallGatewayLogging();
if (builder.Configuration["Urls"] is { Length: > 0 } urls)
{
    builder.WebHost.UseUrls(urls);
}

var sandboxEnabled = builder.Configuration.GetValue<bool>("Sandbox:Enabled");

builder.Services.AddCallGatewayMeta();
builder.Services.AddCallGatewayPersistence();
builder.Services.AddCallGatewayCalls();
builder.Services.AddCallGatewayEvents();
builder.Services.AddCallGatewayMediaApps();
builder.Services.AddCallGatewayMedia();
builder.Services.AddCallGatewayApi();
builder.Services.AddCallGatewayHealth();
builder.Services.AddCallGatewaySecurity(sandboxEnabled);
builder.Services.AddCallGatewayRateLimits();
builder.Services.AddCallGatewaySettings();
builder.Services.AddCallGatewayPermissions();
builder.AddCallGatewayObservability(); // after calls and events: it decorates their ports
if (sandboxEnabled)
{
    // The built-in Meta sandbox: Graph API emulator and simulated WhatsApp users, in this process.
    builder.Services.AddCallGatewaySandbox(builder.Configuration);
}

var app = builder.Build();

// Schema first: no webhook may be acknowledged before the inbox can store it.
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);

app.UseCallGatewayApi();
app.WarnAboutSandboxKey();
app.MapWebhookEndpoints();
app.MapCallsEndpoints();
app.MapEventsEndpoints();
app.MapMediaAppsEndpoints();
app.MapSettingsEndpoints();
app.MapPermissionsEndpoints();
app.MapHealthEndpoints();
app.MapCallGatewayMetrics();
if (sandboxEnabled)
{
    app.MapCallGatewaySandbox();
}

await app.RunAsync();
