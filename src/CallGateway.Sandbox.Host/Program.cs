using CallGateway.Media.Session;
using CallGateway.Meta;
using CallGateway.Sandbox;

// The sandbox standalone. Point a gateway at it with Meta__GraphApiBaseUrl=http://<this host>:5090/sandbox/graph and
// give both the same Meta__AppSecret / Meta__AccessToken / Meta__PhoneNumberId; set Sandbox__WebhookUrl to the
// gateway's /webhooks/whatsapp.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<MetaOptions>().BindConfiguration(MetaOptions.SectionName);
builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName);
builder.Services.AddCallGatewaySandbox(builder.Configuration);
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen();

var app = builder.Build();
app.UseSwagger();
app.UseSwaggerUI(o => o.DocumentTitle = "CallGateway Meta sandbox");
app.MapCallGatewaySandbox();
await app.RunAsync();
