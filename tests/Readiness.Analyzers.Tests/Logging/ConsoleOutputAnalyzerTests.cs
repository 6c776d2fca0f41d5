using Readiness.Analyzers.Logging;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Logging;

[Trait("Rule", "RDY2001")]
public class ConsoleOutputAnalyzerTests
{
    private const string Controller = """
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : ControllerBase
        {
            [HttpGet("/orders/{id}")]
            public IActionResult Get(int id)
            {
                {|RDY2001:Console.WriteLine($"Fetching order {id}")|};
                return Ok();
            }
        }
        """;

    [Fact]
    public async Task Reports_console_writeline_in_web_app()
        => await new ReadinessTest<ConsoleOutputAnalyzer>().WithSource(Controller).RunAsync();

    [Fact]
    public async Task Reports_every_console_write_shape()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public class Reporter
            {
                public async Task Report(string message, Exception ex)
                {
                    {|RDY2001:Console.Write(message)|};
                    {|RDY2001:Console.Error.WriteLine(ex)|};
                    {|RDY2001:Console.Out.Write("done")|};
                    await {|RDY2001:Console.Out.WriteLineAsync(message)|};
                    TextWriter error = Console.Error;
                    {|RDY2001:error.WriteLine("failed")|};
                }
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reads_the_writer_from_the_receiver_as_written()
    {
        const string source = """
            using System;
            using System.IO;

            public class Reporter
            {
                public void Report(string message, TextWriter log)
                {
                    {|RDY2001:(Console.Error).WriteLine(message)|};
                    var output = (Console.Out);
                    {|RDY2001:output.Write(message)|};
                    var other = log;
                    other.WriteLine(message);
                    TextWriter.Null.WriteLine(message);
                    Console.Out.Flush();
                }
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task A_call_that_does_not_resolve_is_not_reported()
    {
        const string source = """
            using System;

            public class Reporter
            {
                public void Report(string message)
                {
                    Console.{|CS1501:Write|}();
                    Console.{|CS0117:WriteLines|}(message);
                }
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_the_console_however_it_is_named()
    {
        const string source = """
            using System;
            using Terminal = System.Console;
            using static System.Console;

            public class Reporter
            {
                private readonly Action<string> _print = text => {|RDY2001:Console.WriteLine(text)|};

                public void Report(string message)
                {
                    {|RDY2001:System.Console.WriteLine(message)|};
                    {|RDY2001:global::System.Console.Write(message)|};
                    {|RDY2001:Terminal.WriteLine(message)|};
                    {|RDY2001:WriteLine(message)|};
                    {|RDY2001:Terminal.Error.WriteLine(message)|};
                    _print(message);
                }
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Other_things_named_console_are_not_the_console()
    {
        const string source = """
            using System;
            using System.IO;

            namespace App
            {
                public static class Console
                {
                    public static void WriteLine(string text) { }
                }

                public class Screen
                {
                    public TextWriter Out { get; } = TextWriter.Null;

                    public void Show(string text) => Console.WriteLine(text);

                    public void Print(string text) => Out.WriteLine(text);
                }

                public class Report
                {
                    private TextWriter Console { get; } = TextWriter.Null;

                    public void Write(TextWriter writer, string text)
                    {
                        Console.WriteLine(text);
                        writer.WriteLine(text);
                    }
                }
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_in_a_worker_service()
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
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        {|RDY2001:Console.WriteLine("polling")|};
                        await Task.Delay(1000, stoppingToken);
                    }
                }
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().As(TestProjectKind.Worker).WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_in_a_library_that_can_use_logging()
    {
        const string source = """
            public static class Formatter
            {
                public static void Trace(string value) => {|RDY2001:System.Console.WriteLine(value)|};
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().As(TestProjectKind.Library).WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Detects_a_web_app_from_its_code_without_build_properties()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {|RDY2001:Console.WriteLine("starting")|};
            app.Run();
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().As(TestProjectKind.Unspecified).WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Option_always_turns_the_rule_on_in_a_console_tool()
    {
        const string source = """
            public static class Program
            {
                public static void Main() => {|RDY2001:System.Console.WriteLine("hello")|};
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>()
            .As(TestProjectKind.Console)
            .WithOption("readiness.logging.console_output", "always")
            .WithSource(source)
            .RunAsync();
    }

    [Fact]
    public async Task Console_tool_output_is_its_user_interface()
    {
        const string source = """
            using System;

            public static class Program
            {
                public static int Main(string[] args)
                {
                    Console.WriteLine("usage: tool <file>");
                    Console.Error.WriteLine("missing argument");
                    return 1;
                }
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().As(TestProjectKind.Console).WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Test_projects_are_not_analyzed()
        => await new ReadinessTest<ConsoleOutputAnalyzer>().As(TestProjectKind.Test).WithSource(Controller.Replace("{|RDY2001:", string.Empty).Replace(")|}", ")")).RunAsync();

    [Fact]
    public async Task Option_never_turns_the_rule_off()
        => await new ReadinessTest<ConsoleOutputAnalyzer>()
            .WithOption("readiness.logging.console_output", "never")
            .WithSource(Controller.Replace("{|RDY2001:", string.Empty).Replace(")|}", ")"))
            .RunAsync();

    [Fact]
    public async Task Project_kind_option_overrides_detection()
        => await new ReadinessTest<ConsoleOutputAnalyzer>()
            .WithGlobalOption("readiness.project_kind", "console")
            .WithSource(Controller.Replace("{|RDY2001:", string.Empty).Replace(")|}", ")"))
            .RunAsync();

    [Fact]
    public async Task Reading_input_and_other_writers_are_fine()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Text;

            public class Exporter
            {
                public string Export(StreamWriter file, StringWriter buffer)
                {
                    var line = Console.ReadLine();
                    Console.ForegroundColor = ConsoleColor.Red;
                    Console.Out.Flush();
                    file.WriteLine(line);
                    buffer.Write("x");
                    var sb = new StringBuilder();
                    sb.AppendLine("y");
                    return sb.ToString();
                }
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Generated_code_is_skipped()
    {
        const string source = """
            // <auto-generated/>
            public static class Generated
            {
                public static void Write() => System.Console.WriteLine("generated");
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Message_names_the_call_and_points_at_the_doc_page()
    {
        const string source = """
            public class C
            {
                public void M() => {|#0:System.Console.Error.WriteLine("x")|};
            }
            """;
        await new ReadinessTest<ConsoleOutputAnalyzer>()
            .WithSource(source)
            .Expect(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.RDY2001_ConsoleOutputInsteadOfLogger)
                .WithLocation(0)
                .WithArguments("Console.Error.WriteLine"))
            .RunAsync();
    }
}
