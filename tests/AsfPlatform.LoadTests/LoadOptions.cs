namespace AsfPlatform.LoadTests;

/// <summary>
/// Command-line settings: <c>--storage sqlite|postgres --offices 64 --seconds 60 --warmup 3 --event-percent 10
/// --hosts 1</c>. <c>--hosts N</c> (PostgreSQL only) runs the load against N host processes of one cluster, the
/// offices spread over them.
/// <c>--kill-rounds N</c> runs the load against host processes that are killed (<c>kill -9</c>) under it, N rounds
/// of <c>--seconds</c> each, then checks the audit log against the stored state (see <c>AuditCheck</c>).
/// <c>--event-percent</c> is the share of writes that record an event on the (one, shared) insats; the rest update
/// the office's own company.
/// </summary>
public sealed record LoadOptions(string Storage, int Offices, int Seconds, int WarmupSeconds, int EventPercent, int Hosts, int KillRounds = 0)
{
    public static LoadOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        var options = new LoadOptions(Value("--storage", "sqlite").ToLowerInvariant(), int.Parse(Value("--offices", "64")),
            int.Parse(Value("--seconds", "60")), int.Parse(Value("--warmup", "3")),
            int.Parse(Value("--event-percent", "10")), int.Parse(Value("--hosts", "1")), int.Parse(Value("--kill-rounds", "0")));
        // Bounded in count and time: this tool must never become a runaway process on a shared machine.
        if (options.Storage is not ("sqlite" or "postgres"))
            throw new ArgumentException("--storage must be sqlite or postgres");
        if (options.Offices is < 1 or > 256 || options.Seconds is < 1 or > 600 || options.WarmupSeconds is < 0 or > 60 || options.EventPercent is < 0 or > 100)
            throw new ArgumentException("--offices 1..256, --seconds 1..600, --warmup 0..60, --event-percent 0..100");
        if (options.Hosts is < 1 or > 4 || (options.Hosts > 1 && options.Storage != "postgres"))
            throw new ArgumentException("--hosts 1..4, and more than one only with --storage postgres (SQLite has one host)");
        if (options.KillRounds is < 0 or > 20)
            throw new ArgumentException("--kill-rounds 0..20");
        return options;
    }
}
