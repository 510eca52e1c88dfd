using AsfPlatform.Host;

var app = AsfHostApplication.Build(args);
app.Run();

/// <summary>Entry point; public so WebApplicationFactory can find it.</summary>
public partial class Program;
