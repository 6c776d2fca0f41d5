using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Readiness.Analyzers.Benchmarks;

/// <summary>Prints the tables: per analyzer, time, share of compiler time and time per 1,000 lines at each size; peers and ratios.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<SizeResult> results, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var sizes = string.Join(" | ", results.Select(r => $"{r.Files} files ({r.Lines / 1000.0:F0}k lines)"));
        Console.WriteLine($"| | {sizes} |");
        Console.WriteLine("|---|" + string.Concat(results.Select(_ => "---|")));
        Row("Compiler alone (emit to memory), ms wall / ms CPU", results, r => W(r.Compiler));
        Row("Compiler diagnostics pass (GetDiagnostics), ms wall / ms CPU", results, r => W(r.DiagnosticsOnly));
        Row("Same pass, an analyzer that does nothing attached (driver floor)", results, r => W(r.DiagnosticsWithNothing));
        Row("Same pass, all of ours attached", results, r => W(r.DiagnosticsWithOurs));
        Row("CPU added by ours over the driver floor (median of paired runs), ms / share of compiler (emit) CPU", results, r => F(r.OursOverFloorCpu) + " / " + P(r.OursOverFloorCpu / r.Compiler.CpuMs));
        if (results.Any(r => r.DiagnosticsWithSdk is not null))
        {
            Row("Same pass, a default web build's analyzers attached (NetAnalyzers, ASP.NET Core)", results, r => r.DiagnosticsWithSdk is { } s ? W(s) : "-");
            Row("Same pass, a default web build's analyzers and ours", results, r => r.DiagnosticsWithSdkAndOurs is { } s ? W(s) : "-");
            Row("CPU added by ours to a default web build's analysis (median of paired runs), ms / share of compiler (emit) CPU", results, r => r.DiagnosticsWithSdk is null ? "-" : F(r.OursOverSdkCpu) + " / " + P(r.OursOverSdkCpu / r.Compiler.CpuMs));
            Row("All of ours on one thread beside a default web build's analyzers (telemetry, fastest run), ms / share of compiler (emit) CPU", results, r => double.IsNaN(r.OursBesideSdkMs) ? "-" : F(r.OursBesideSdkMs) + " / " + P(r.OursBesideSdkMs / r.Compiler.CpuMs));
        }

        Row("CPU added by ours over the bare compiler, share of compiler (emit) CPU", results, r => P((r.DiagnosticsWithOurs.CpuMs - r.DiagnosticsOnly.CpuMs) / r.Compiler.CpuMs));
        Row("Wall clock added by ours over the bare compiler, share of compiler (emit) time", results, r => P((r.DiagnosticsWithOurs.WallMs - r.DiagnosticsOnly.WallMs) / r.Compiler.WallMs));
        if (results.Any(r => r.DiagnosticsWithBaseline is not null))
        {
            Row("Same pass, the baseline build's analyzers attached", results, r => r.DiagnosticsWithBaseline is { } b ? W(b) : "-");
            Row("CPU added by the baseline over the driver floor (median of the same turns), ms / share of compiler CPU", results, r => r.DiagnosticsWithBaseline is not null ? F(r.BaselineOverFloorCpu) + " / " + P(r.BaselineOverFloorCpu / r.Compiler.CpuMs) : "-");
            Row("Baseline on one thread, summed analyzer execution time (telemetry, fastest run), ms", results, r => F(r.Baseline.Values.Sum()));
            Row("Ours ÷ baseline: CPU added over the floor / summed telemetry", results, r => r.DiagnosticsWithBaseline is not null
                ? Ratio(r.OursOverFloorCpu, r.BaselineOverFloorCpu) + " / " + Ratio(r.OursSequential.Values.Sum(), r.Baseline.Values.Sum())
                : "-");
        }

        Row("All of ours on one thread, summed execution time (telemetry, binding we cause included, fastest run), ms", results, r => F(r.OursSequential.Values.Sum()));
        Row("All of ours on one thread, share of compiler (emit) CPU / µs per 1,000 lines", results, r => P(r.OursSequential.Values.Sum() / r.Compiler.CpuMs) + " / " + F(r.OursSequential.Values.Sum() * 1000 * 1000 / r.Lines));
        Row("That pass (driver included), ms wall / of which garbage-collection pauses, ms (gen 2 collections)", results, r => F(r.OursPassGc.WallMs) + " / " + F(r.OursPassGc.PauseMs) + " (" + r.OursPassGc.Gen2Collections + ")");
        Row("That pass, µs per 1,000 lines: GC pauses / the rest", results, r => F(r.OursPassGc.PauseMs * 1000 * 1000 / r.Lines) + " / " + F((r.OursPassGc.WallMs - r.OursPassGc.PauseMs) * 1000 * 1000 / r.Lines));
        Row("All of ours, summed analyzer execution time (telemetry, concurrent: lock waits counted), ms", results, r => F(r.Ours.Values.Sum()));
        Row("All of ours, summed execution time, share of compiler time", results, r => P(r.Ours.Values.Sum() / r.CompilerMs));
        Row("All of ours, µs per 1,000 lines", results, r => F(r.Ours.Values.Sum() * 1000 * 1000 / r.Lines));
        Row("Application model (once per compilation), ms", results, r => F(r.ModelMs, 1));
        if (results.Any(r => !double.IsNaN(r.BaselineModelMs)))
        {
            Row("Application model of the baseline build, ms (ours ÷ baseline)", results, r => F(r.BaselineModelMs, 1) + " (" + Ratio(r.ModelMs, r.BaselineModelMs) + ")");
        }

        Row("Binding Program.cs with its operation tree (paid once, by the first analyzer that asks), ms", results, r => F(r.ProgramBindingMs, 1));
        Row("IDE path, Program.cs open on a fresh compilation: the compiler's own diagnostics, ms / all of ours after them (one thread), ms", results, r => F(r.IdeCompilerMs, 1) + " / " + F(r.IdeProgramMs, 1));
        Row("IDE path: a do-nothing analyzer after the compiler's diagnostics instead of ours (the driver's floor), ms", results, r => F(r.IdeFloorMs, 1));
        Row("IDE path: the three of ours taking longest there, ms", results, r => string.Join(", ", r.IdeByAnalyzer.OrderByDescending(p => p.Value).Take(3).Select(p => p.Key + " " + F(p.Value, 1))));
        if (results.Any(r => r.IdeEditProgram is not null))
        {
            Row("IDE edit in Program.cs (a statement inserted before `app.Run();`, the edited document analysed on the new compilation; median of the edits): floor / ours / ours over floor, ms — target: under 50 ms over the floor at 500 files, under 200 ms at 5,000", results, r => Edit(r, r.IdeEditProgram));
            Row("IDE edit in a controller (a statement inserted at the start of an action's body; the same measure): floor / ours / ours over floor, ms — target: under 50 ms over the floor at 500 files, under 200 ms at 5,000", results, r => Edit(r, r.IdeEditController));
            if (results.Any(r => r.BaselineIdeEditProgram is not null))
            {
                Row("— the baseline build, same edits, same run (Program.cs / controller): ours over floor, ms", results, r => F(r.BaselineIdeEditProgram?.OursOverFloorMs ?? double.NaN, 1) + " / " + F(r.BaselineIdeEditController?.OursOverFloorMs ?? double.NaN, 1));
            }

            if (results.Any(r => r.BesideSdkIdeEditProgram is not null))
            {
                Row("— beside a default web build's analyzers (floor: the SDK's analyzers, which bind the edited document; ours added to them), Program.cs / controller: ours over that floor, ms", results, r => F(r.BesideSdkIdeEditProgram?.OursOverFloorMs ?? double.NaN, 1) + " / " + F(r.BesideSdkIdeEditController?.OursOverFloorMs ?? double.NaN, 1));
            }

            Row("IDE edit: the compiler's own diagnostics of the edited document before the analyzers (Program.cs / controller), ms", results, r => F(r.IdeEditProgram?.CompilerMs ?? 0, 1) + " / " + F(r.IdeEditController?.CompilerMs ?? 0, 1));
            Row("IDE edit in Program.cs: the three of ours taking longest (telemetry, median of the edits), ms", results, r => Top(r.IdeEditProgram?.ByAnalyzer, 3));
            Row("IDE edit in a controller: the three of ours taking longest (telemetry, median of the edits), ms", results, r => Top(r.IdeEditController?.ByAnalyzer, 3));
        }

        if (results.Any(r => r.MemoryOursMb.Length > 0))
        {
            Row("Retained memory over successive edits (controller and Program.cs in turn, only the newest compilation kept): growth from the first tenth of the edits to the last, MB, floor / ours", results, r => r.MemoryOursMb.Length == 0 ? "-" : F(Growth(r.MemoryFloorMb), 1) + " / " + F(Growth(r.MemoryOursMb), 1) + $" (edits {r.MemoryEdits / 10:N0} to {r.MemoryEdits:N0})");
        }

        if (results.Any(r => r.Libraries.Count > 0))
        {
            for (var k = 0; k < results.Max(r => r.Libraries.Count); k++)
            {
                var index = k;
                Row($"Library project {k + 1} (OutputType=Library; files): ours over floor, ms CPU / ours on one thread, ms", results, r => r.Libraries.Count > index ? Project(r.Libraries[index]) : "-");
            }

            Row("Web project calling those libraries' registration extensions (files): ours over floor, ms CPU / ours on one thread, ms", results, r => r.WebWithLibraries is { } web ? Project(web) : "-");
        }
        Row("Sonar comparable rules / SCS comparable rules on one thread (telemetry, fastest run), ms", results, r => F(r.Sonar.Values.Sum()) + " / " + F(r.Scs.Values.Sum()));
        Row("All of ours ÷ Sonar comparable / ÷ SCS comparable, on one thread", results, r => Ratio(r.OursSequential.Values.Sum(), r.Sonar.Values.Sum()) + " / " + Ratio(r.OursSequential.Values.Sum(), r.Scs.Values.Sum()));
        if (results.Any(r => !double.IsNaN(r.SonarOverFloorCpu)))
        {
            Row("CPU added over the driver floor (same turns as ours): Sonar comparable / SCS comparable, ms", results, r => double.IsNaN(r.SonarOverFloorCpu) ? "-" : F(r.SonarOverFloorCpu) + " / " + F(r.ScsOverFloorCpu));
            Row("CPU added over the floor: all of ours ÷ Sonar comparable / ÷ SCS comparable", results, r => double.IsNaN(r.SonarOverFloorCpu) ? "-" : Ratio(r.OursOverFloorCpu, r.SonarOverFloorCpu) + " / " + Ratio(r.OursOverFloorCpu, r.ScsOverFloorCpu));
        }

        Console.WriteLine();
        Console.WriteLine("Per analyzer of ours, on one thread — ms (µs per 1,000 lines); the first analyzer to touch a method pays for binding it:");
        Console.WriteLine($"| analyzer | {string.Join(" | ", results.Select(r => r.Files + " files"))} |");
        Console.WriteLine("|---|" + string.Concat(results.Select(_ => "---|")));
        foreach (var name in ours.Select(a => a.GetType().Name))
        {
            Console.WriteLine($"| {name} | {string.Join(" | ", results.Select(r => r.OursSequential.TryGetValue(name, out var ms) ? $"{F(ms, 1)} ({F(ms * 1000 * 1000 / r.Lines)})" : "-"))} |");
        }

        Console.WriteLine();
        Console.WriteLine("Per analyzer of ours, concurrent — ms (µs per 1,000 lines):");
        Console.WriteLine($"| analyzer | {string.Join(" | ", results.Select(r => r.Files + " files"))} | share of compiler at largest |");
        Console.WriteLine("|---|" + string.Concat(results.Select(_ => "---|")) + "---|");
        foreach (var name in ours.Select(a => a.GetType().Name))
        {
            var cells = results.Select(r => r.Ours.TryGetValue(name, out var ms) ? $"{F(ms, 1)} ({F(ms * 1000 * 1000 / r.Lines)})" : "-");
            var last = results[^1];
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} | {P((last.Ours.TryGetValue(name, out var lastMs) ? lastMs : 0) / last.CompilerMs)} |");
        }

        if (results.Any(r => r.Baseline.Count > 0))
        {
            Console.WriteLine();
            Console.WriteLine("Baseline build, per analyzer on one thread — ms (ours ÷ baseline):");
            foreach (var name in ours.Select(a => a.GetType().Name))
            {
                Console.WriteLine($"| {name} | {string.Join(" | ", results.Select(r => r.Baseline.TryGetValue(name, out var ms) && r.OursSequential.TryGetValue(name, out var mine) ? $"{F(ms, 1)} ({Ratio(mine, ms)})" : "-"))} |");
            }
        }

        if (results.Any(r => r.MarginalCpu.Count > 0))
        {
            Console.WriteLine();
            Console.WriteLine("Each analyzer alone — CPU ms added over the driver floor (includes the driver work it causes):");
            Console.WriteLine($"| analyzer | {string.Join(" | ", results.Select(r => r.Files + " files"))} |");
            Console.WriteLine("|---|" + string.Concat(results.Select(_ => "---|")));
            foreach (var name in ours.Select(a => a.GetType().Name))
            {
                Console.WriteLine($"| {name} | {string.Join(" | ", results.Select(r => r.MarginalCpu.TryGetValue(name, out var ms) ? F(ms) : "-"))} |");
            }
        }

        PrintMemory(results);
        PrintLibraries(results);
        PrintFamilies(results, ours);

        foreach (var (title, select) in new (string, Func<SizeResult, Dictionary<string, double>>)[] { ("Sonar", r => r.Sonar), ("SCS", r => r.Scs) })
        {
            var names = results.SelectMany(r => select(r).Keys).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            Console.WriteLine();
            Console.WriteLine($"Per comparable {title} analyzer, on one thread — ms:");
            foreach (var name in names)
            {
                Console.WriteLine($"| {name} | {string.Join(" | ", results.Select(r => select(r).TryGetValue(name, out var ms) ? F(ms, 1) : "-"))} |");
            }
        }
    }

    /// <summary>The peers' analyzers that do the job of each of our families (by topic, not rule for rule).</summary>
    private static readonly (string Family, string Topic, string[] Sonar, string[] Scs)[] Counterparts =
    {
        ("Secrets", "hard-coded credentials and secrets", new[] { "DoNotHardcodeCredentials" }, new[] { "HardcodedPasswordAnalyzer" }),
        ("Logging", "console output instead of a logger", new[] { "ConsoleLogging", "DoNotWriteToStandardOutput", "ConfiguringLoggers" }, Array.Empty<string>()),
        ("Passwords", "weak password hashing and rules", new[] { "CreatingHashAlgorithms" }, new[] { "WeakHashingAnalyzerCSharp", "WeakPasswordValidatorPropertyAnalyzer" }),
    };

    private static void PrintFamilies(IReadOnlyList<SizeResult> results, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        if (results.All(r => r.Sonar.Count == 0 && r.Scs.Count == 0))
        {
            return;
        }

        var familyOf = ours.ToDictionary(a => a.GetType().Name, a => a.GetType().Namespace?.Split('.').Last() ?? "");
        Console.WriteLine();
        Console.WriteLine("Family against the peers' analyzers for the same job, on one thread (telemetry, fastest run) — ms at each size (ours ÷ peer):");
        Console.WriteLine($"| family (job) | {string.Join(" | ", results.Select(r => r.Files + " files: ours / Sonar / SCS"))} |");
        Console.WriteLine("|---|" + string.Concat(results.Select(_ => "---|")));
        foreach (var (family, topic, sonar, scs) in Counterparts)
        {
            var cells = results.Select(r =>
            {
                var mine = r.OursSequential.Where(p => familyOf.TryGetValue(p.Key, out var f) && f == family).Sum(p => p.Value);
                var sonarMs = r.Sonar.Where(p => sonar.Contains(p.Key)).Sum(p => p.Value);
                var scsMs = r.Scs.Where(p => scs.Contains(p.Key)).Sum(p => p.Value);
                return $"{F(mine)} / {(sonar.Length == 0 ? "-" : F(sonarMs))} / {(scs.Length == 0 ? "-" : F(scsMs))} ({(sonar.Length == 0 ? "-" : Ratio(mine, sonarMs))}, {(scs.Length == 0 ? "-" : Ratio(mine, scsMs))})";
            });
            Console.WriteLine($"| {family} ({topic}) | {string.Join(" | ", cells)} |");
        }
    }

    private static string Edit(SizeResult result, IdeEdits.EditTiming? edit)
    {
        if (edit is null)
        {
            return "-";
        }

        var target = result.Files switch { 500 => 50.0, 5000 => 200.0, _ => double.NaN };
        var verdict = double.IsNaN(target) ? "" : edit.OursOverFloorMs < target ? $" (under {F(target)}: met)" : $" (under {F(target)}: not met)";
        return $"{F(edit.FloorMs, 1)} / {F(edit.OursMs, 1)} / {F(edit.OursOverFloorMs, 1)}{verdict}";
    }

    private static string Top(Dictionary<string, double>? times, int count)
        => times is null ? "-" : string.Join(", ", times.OrderByDescending(p => p.Value).Take(count).Select(p => p.Key + " " + F(p.Value, 1)));

    private static string Project(ProjectResult project) => $"{project.Files} files: {F(project.OursOverFloorCpu)} / {F(project.OursSequential.Values.Sum(), 1)}";

    private static double Growth(double[] megabytes) => megabytes.Length == 0 ? double.NaN : megabytes[^1] - megabytes[0];

    private static void PrintMemory(IReadOnlyList<SizeResult> results)
    {
        var measured = results.Where(r => r.MemoryOursMb.Length > 0).ToList();
        if (measured.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Retained memory over successive edits — the managed heap after a full collection (GC.GetTotalMemory(true)), MB, every tenth of the edits; only the newest compilation is referenced:");
        var edits = measured[0].MemoryEdits;
        Console.WriteLine($"| size, analyzers | {string.Join(" | ", Enumerable.Range(1, 10).Select(i => $"{i * edits / 10:N0}"))} | growth {edits / 10:N0} → {edits:N0} |");
        Console.WriteLine("|---|" + string.Concat(Enumerable.Range(0, 11).Select(_ => "---|")));
        foreach (var r in measured)
        {
            foreach (var (label, megabytes) in new[] { ("the floor", r.MemoryFloorMb), ("ours", r.MemoryOursMb) })
            {
                Console.WriteLine($"| {r.Files} files, {label} | {string.Join(" | ", megabytes.Select(m => F(m, 1)))} | {F(Growth(megabytes), 1)} |");
            }
        }
    }

    private static void PrintLibraries(IReadOnlyList<SizeResult> results)
    {
        var measured = results.Where(r => r.Libraries.Count > 0).ToList();
        if (measured.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Projects of the generated solution — ours over the floor (ms CPU, median of paired turns) / ours on one thread (telemetry, fastest run, ms), the median one-thread pass and its collection pauses, the application model built once there, the start-up facts generator beside the compiler (emit to memory, both on a fresh compilation; target: under 1 %), and the five of ours costing most:");
        Console.WriteLine("| project | files | the floor's pass, ms wall / ms CPU | ours over floor, ms CPU | ours on one thread, ms | that pass, ms wall / of which GC pauses | application model, ms | facts generator / compiler, ms (share) | costliest of ours on one thread, ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in measured)
        {
            foreach (var project in r.WebWithLibraries is { } web ? r.Libraries.Append(web) : r.Libraries)
            {
                Console.WriteLine($"| {project.Name} (size {r.Files}) | {project.Files} | {W(project.Floor)} | {F(project.OursOverFloorCpu)} | {F(project.OursSequential.Values.Sum(), 1)} | {F(project.OursPassGc.WallMs)} / {F(project.OursPassGc.PauseMs)} | {F(project.ModelMs, 1)} | {F(project.GeneratorMs, 1)} / {F(project.EmitMs)} ({F(100 * project.GeneratorMs / project.EmitMs, 2)} %) | {Top(project.OursSequential, 5)} |");
            }
        }
    }

    private static void Row(string title, IReadOnlyList<SizeResult> results, Func<SizeResult, string> cell)
        => Console.WriteLine($"| {title} | {string.Join(" | ", results.Select(cell))} |");

    private static string W(Sample sample) => F(sample.WallMs) + " / " + F(sample.CpuMs);

    private static string F(double value, int decimals = 0) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static string P(double value) => (value * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Ratio(double ours, double peer) => peer < 1 ? "n/a (peer inactive)" : (ours / peer).ToString("F2", CultureInfo.InvariantCulture) + "×";
}
