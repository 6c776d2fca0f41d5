using Readiness.Analyzers.CodeFixes.Logging;
using Readiness.Analyzers.Logging;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Logging;

[Trait("Rule", "RDY2001")]
public class UseLoggerCodeFixTests
{
    private static ReadinessTest<ConsoleOutputAnalyzer, UseLoggerCodeFixProvider> Test(string source, string fixedSource)
        => new ReadinessTest<ConsoleOutputAnalyzer, UseLoggerCodeFixProvider>().WithSource(source).WithFixedSource(fixedSource);

    [Fact]
    public async Task Uses_the_logger_field_and_turns_interpolation_into_a_template()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            public record User(int Id, string Name);

            public class SignInService
            {
                private readonly ILogger<SignInService> _logger;

                public SignInService(ILogger<SignInService> logger) => _logger = logger;

                public void SignIn(User user, decimal total)
                {
                    {|RDY2001:Console.WriteLine($"User {user.Id} signed in, basket {total:C}")|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Extensions.Logging;

            public record User(int Id, string Name);

            public class SignInService
            {
                private readonly ILogger<SignInService> _logger;

                public SignInService(ILogger<SignInService> logger) => _logger = logger;

                public void SignIn(User user, decimal total)
                {
                    _logger.LogInformation("User {UserId} signed in, basket {Total:C}", user.Id, total);
                }
            }
            """;
        await Test(source, fixedSource).RunAsync();
    }

    [Fact]
    public async Task Standard_error_with_an_exception_becomes_LogError_with_the_exception()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            public class Importer(ILogger<Importer> logger)
            {
                public void Import(string file)
                {
                    try
                    {
                        System.IO.File.ReadAllText(file);
                    }
                    catch (Exception ex)
                    {
                        {|RDY2001:Console.Error.WriteLine($"Import of {file} failed: {ex}")|};
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Extensions.Logging;

            public class Importer(ILogger<Importer> logger)
            {
                public void Import(string file)
                {
                    try
                    {
                        System.IO.File.ReadAllText(file);
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Import of {File} failed", file);
                    }
                }
            }
            """;
        await Test(source, fixedSource).RunAsync();
    }

    [Fact]
    public async Task Composite_format_and_braces_in_literals_are_translated_faithfully()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            public class Orders(ILogger<Orders> logger)
            {
                public void Ship(int orderId, decimal amount)
                {
                    {|RDY2001:Console.WriteLine("Order {0} shipped for {1:N2}", orderId, amount)|};
                    {|RDY2001:Console.WriteLine("Payload: {\"ok\": true}")|};
                    {|RDY2001:Console.Write(amount)|};
                    {|RDY2001:Console.WriteLine("Total " + amount + " for " + orderId)|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Extensions.Logging;

            public class Orders(ILogger<Orders> logger)
            {
                public void Ship(int orderId, decimal amount)
                {
                    logger.LogInformation("Order {OrderId} shipped for {Amount:N2}", orderId, amount);
                    logger.LogInformation("Payload: {{\"ok\": true}}");
                    logger.LogInformation("{Amount}", amount);
                    logger.LogInformation("Total {Amount} for {OrderId}", amount, orderId);
                }
            }
            """;
        await Test(source, fixedSource).RunAsync();
    }

    [Fact]
    public async Task Injects_a_logger_into_a_controller_through_its_constructor()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public interface IOrderStore { }

            public class OrdersController : ControllerBase
            {
                private readonly IOrderStore _store;

                public OrdersController(IOrderStore store)
                {
                    _store = store;
                }

                [HttpGet("/orders/{id}")]
                public IActionResult Get(int id)
                {
                    {|RDY2001:Console.WriteLine($"Fetching order {id}")|};
                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public interface IOrderStore { }

            public class OrdersController : ControllerBase
            {
                private readonly IOrderStore _store;
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(IOrderStore store, ILogger<OrdersController> logger)
                {
                    _logger = logger;
                    _store = store;
                }

                [HttpGet("/orders/{id}")]
                public IActionResult Get(int id)
                {
                    _logger.LogInformation("Fetching order {Id}", id);
                    return Ok();
                }
            }
            """;
        await Test(source, fixedSource).RunAsync();
    }

    [Fact]
    public async Task Adds_a_constructor_to_a_hosted_service_that_has_none_and_fixes_all_calls_once()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class Poller : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    {|RDY2001:Console.WriteLine("Poller started")|};
                    await Task.Delay(10, stoppingToken);
                    {|RDY2001:Console.WriteLine("Poller stopped")|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class Poller : BackgroundService
            {
                private readonly ILogger<Poller> _logger;

                public Poller(ILogger<Poller> logger)
                {
                    _logger = logger;
                }

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    _logger.LogInformation("Poller started");
                    await Task.Delay(10, stoppingToken);
                    _logger.LogInformation("Poller stopped");
                }
            }
            """;
        await Test(source, fixedSource).RunAsync();
    }

    [Fact]
    public async Task Adds_a_primary_constructor_parameter_when_the_class_uses_one()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public interface IClock { DateTime Now { get; } }

            public class TimeController(IClock clock) : ControllerBase
            {
                [HttpGet("/time")]
                public DateTime Get()
                {
                    {|RDY2001:Console.WriteLine(clock.Now)|};
                    return clock.Now;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public interface IClock { DateTime Now { get; } }

            public class TimeController(IClock clock, ILogger<TimeController> logger) : ControllerBase
            {
                [HttpGet("/time")]
                public DateTime Get()
                {
                    logger.LogInformation("{ClockNow}", clock.Now);
                    return clock.Now;
                }
            }
            """;
        await Test(source, fixedSource).RunAsync();
    }

    [Fact]
    public async Task Uses_app_Logger_after_Build_in_top_level_statements()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            {|RDY2001:Console.WriteLine($"Listening in {app.Environment.EnvironmentName}")|};
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            app.Logger.LogInformation("Listening in {EnvironmentEnvironmentName}", app.Environment.EnvironmentName);
            app.Run();
            """;
        await Test(source, fixedSource).WithImplicitUsings().RunAsync();
    }

    [Fact]
    public async Task Awaited_async_writes_are_replaced_with_the_await()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public class Notifier(ILogger<Notifier> logger)
            {
                public async Task Notify(string channel)
                {
                    await {|RDY2001:Console.Out.WriteLineAsync($"Notified {channel}")|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public class Notifier(ILogger<Notifier> logger)
            {
                public async Task Notify(string channel)
                {
                    logger.LogInformation("Notified {Channel}", channel);
                }
            }
            """;
        await Test(source, fixedSource).WithOption("dotnet_diagnostic.CS1998.severity", "none").RunAsync();
    }

    [Fact]
    public async Task No_fix_where_no_logger_can_be_had()
    {
        // Before Build() there is no app.Logger; a static helper has no instance to inject into;
        // a class built with 'new' would break if its constructor changed.
        const string source = """
            using System;

            var builder = WebApplication.CreateBuilder(args);
            {|RDY2001:Console.WriteLine("configuring")|};
            var app = builder.Build();
            app.Run();

            public static class Helpers
            {
                public static void Log(string text) => {|RDY2001:Console.WriteLine(text)|};
            }

            public class Plain
            {
                public void Run() => {|RDY2001:Console.WriteLine("plain")|};
                public static Plain Create() => new Plain();
            }
            """;
        await Test(source, source).WithImplicitUsings().RunAsync();
    }
}

[Trait("Rule", "RDY2002")]
public class UseLoggerCodeFixForDebugAndTraceTests
{
    [Fact]
    public async Task Debug_becomes_LogDebug_and_trace_keeps_its_level()
    {
        const string source = """
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;

            public class Cache(ILogger<Cache> logger)
            {
                public void Evict(string key, bool verbose)
                {
                    {|RDY2002:Debug.WriteLine($"Evicting {key}")|};
                    {|RDY2002:Trace.TraceError("Eviction of {0} failed", key)|};
                    {|RDY2002:Trace.TraceWarning("slow")|};
                    {|RDY2002:Debug.WriteLineIf(verbose, "verbose")|};
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;

            public class Cache(ILogger<Cache> logger)
            {
                public void Evict(string key, bool verbose)
                {
                    logger.LogDebug("Evicting {Key}", key);
                    logger.LogError("Eviction of {Key} failed", key);
                    logger.LogWarning("slow");
                    {|RDY2002:Debug.WriteLineIf(verbose, "verbose")|};
                }
            }
            """;
        await new ReadinessTest<DebugOrTraceOutputAnalyzer, UseLoggerCodeFixProvider>()
            .WithSource(source)
            .WithFixedSource(fixedSource)
            .RunAsync();
    }
}
