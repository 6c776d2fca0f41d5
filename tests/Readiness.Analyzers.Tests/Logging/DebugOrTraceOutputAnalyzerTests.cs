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
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.Descriptors.RDY2002_DebugOrTraceOutputInsteadOfLogger)
                    .WithLocation(0).WithArguments("Debug.WriteLine", "is removed from Release builds"),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.Descriptors.RDY2002_DebugOrTraceOutputInsteadOfLogger)
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
