using BenchmarkDotNet.Running;

// One entry point for every benchmark (Runtime/, Storage/, Reports/), e.g.
//   dotnet run -c Release --project tests/AsfPlatform.Benchmarks -- --filter '*Runtime*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
