using Readiness.Analyzers.Logging;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Logging;

[Trait("Rule", "RDY2002")]
public class DebugOrTraceOutputAnalyzerTests
{
    [Fact]
    public async Task Reports_debug_and_trace_writes_in_a_web_app()
    {
        const string source = """
            using System.Diagnostics;

            public class PaymentService
            {
                public void Charge(decimal amount, bool verbose)
                {
                    {|RDY2002:Debug.WriteLine("charging")|};
                    {|RDY2002:Debug.Print("amount {0}", amount)|};
                    {|RDY2002:Debug.WriteLineIf(verbose, "verbose")|};
                    {|RDY2002:Trace.WriteLine("charged")|};
                    {|RDY2002:Trace.TraceError("card declined")|};
                    {|RDY2002:Trace.TraceWarning("retrying {0}", 2)|};
                    {|RDY2002:Trace.TraceInformation("done")|};
                }
            }
            """;
        await new ReadinessTest<DebugOrTraceOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_debug_and_trace_however_they_are_named()
    {
        const string source = """
            using Diag = System.Diagnostics.Debug;
            using static System.Diagnostics.Trace;

            public class PaymentService
            {
                public void Charge(decimal amount)
                {
                    {|RDY2002:System.Diagnostics.Debug.WriteLine("charging")|};
                    {|RDY2002:global::System.Diagnostics.Trace.TraceError("declined")|};
                    {|RDY2002:Diag.Print("amount")|};
                    {|RDY2002:TraceInformation("done")|};
                }
            }
            """;
        await new ReadinessTest<DebugOrTraceOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Other_things_named_debug_or_trace_are_not_them()
    {
        const string source = """
            namespace App
            {
                public static class Debug
                {
                    public static void WriteLine(string text) { }
                }

                public class Tracer
                {
                    public void TraceError(string text) { }
                }

                public class PaymentService
                {
                    private Tracer Trace { get; } = new Tracer();

                    public void Charge(Tracer tracer)
                    {
                        Debug.WriteLine("charging");
                        Trace.TraceError("declined");
                        tracer.TraceError("declined");
                    }
                }
            }
            """;
        await new ReadinessTest<DebugOrTraceOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Message_says_why_each_one_is_lost()
    {
        const string source = """
            using System.Diagnostics;

            public class C
            {
                public void M()
                {
                    {|#0:Debug.WriteLine("a")|};
                    {|#1:Trace.WriteLine("b")|};
                }
            }
            """;
        await new ReadinessTest<DebugOrTraceOutputAnalyzer>()
            .WithSource(source)
            .Expect(
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.RDY2002_DebugOrTraceOutputInsteadOfLogger)
                    .WithLocation(0).WithArguments("Debug.WriteLine", "is removed from Release builds"),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.RDY2002_DebugOrTraceOutputInsteadOfLogger)
                    .WithLocation(1).WithArguments("Trace.WriteLine", "writes to trace listeners that production hosts do not collect"))
            .RunAsync();
    }

    [Fact]
    public async Task Asserts_listeners_and_flushes_are_not_output()
    {
        const string source = """
            using System.Diagnostics;

            public class C
            {
                public void M(int count)
                {
                    Debug.Assert(count > 0);
                    Debug.Fail("unreachable");
                    Trace.Flush();
                    Trace.Listeners.Clear();
                    Debug.Indent();
                }
            }
            """;
        await new ReadinessTest<DebugOrTraceOutputAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Console_tools_and_tests_are_not_analyzed()
    {
        const string source = """
            public static class Program
            {
                public static void Main() => System.Diagnostics.Debug.WriteLine("tool");
            }
            """;
        await new ReadinessTest<DebugOrTraceOutputAnalyzer>().As(TestProjectKind.Console).WithSource(source).RunAsync();
        await new ReadinessTest<DebugOrTraceOutputAnalyzer>().As(TestProjectKind.Test).WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Option_never_turns_the_rule_off()
    {
        const string source = """
            public class C
            {
                public void M() => System.Diagnostics.Trace.TraceError("x");
            }
            """;
        await new ReadinessTest<DebugOrTraceOutputAnalyzer>()
            .WithOption("readiness.logging.console_output", "never")
            .WithSource(source)
            .RunAsync();
    }
}
