using BenchmarkDotNet.Running;

// One entry point for every benchmark (Orleans/, Reports/), e.g.
//   dotnet run -c Release --project tests/AsfPlatform.Benchmarks -- --filter '*GrainCall*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
