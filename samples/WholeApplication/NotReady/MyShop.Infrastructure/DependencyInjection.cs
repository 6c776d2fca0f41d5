using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MyShop.Infrastructure;

public sealed class ShopUser : IdentityUser
{
}

public static class DependencyInjection
{
    // Identity with the framework's 6-character minimum: RDY4001, reported on services.AddInfrastructure() in MyShop.Api.
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddIdentityCore<ShopUser>();
        return services;
    }
}
