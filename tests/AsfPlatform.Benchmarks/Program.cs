using BenchmarkDotNet.Running;

// One entry point for every benchmark (Orleans/, Reports/), e.g.
//   dotnet run -c Release --project tests/AsfPlatform.Benchmarks -- --filter '*GrainCall*' --job short
// PDF conversion through one LibreOffice instance against one per file is timed once per side, not by BenchmarkDotNet:
//   dotnet run -c Release --project tests/AsfPlatform.Benchmarks -- pdf-conversion
if (args is ["pdf-conversion"])
    return await AsfPlatform.Benchmarks.Reports.PdfConversionComparison.RunAsync();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
