using MyShop.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddInfrastructure();
builder.Services.AddControllers();

var app = builder.Build();
app.UseExceptionHandler();
app.UseInfrastructure();
app.MapDefaultEndpoints();
app.MapControllers();
app.Run();
