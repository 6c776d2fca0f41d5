using MyShop.Infrastructure;

// Start-up lives in the solution's other projects. The package sees through them (each records its start-up facts):
// RDY5001 here (no project adds a rate limiter), RDY3007 on MapDefaultEndpoints(), RDY4001 on AddInfrastructure().
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddInfrastructure();
builder.Services.AddControllers();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapControllers();
app.Run();
