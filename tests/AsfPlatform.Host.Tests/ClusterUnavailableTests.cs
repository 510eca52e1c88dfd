using System.Runtime.CompilerServices;
using System.Text.Json;
using AsfPlatform.Host.Api;
using AsfPlatform.Host.Cluster;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;

namespace AsfPlatform.Host.Tests;

/// <summary>How a grain call that met a dead or unreachable silo is answered: 503 with Retry-After, in Swedish.</summary>
public sealed class ClusterUnavailableTests
{
    public static TheoryData<string> ClusterFailures => new(Failures.Keys);

    private static readonly Dictionary<string, Func<Exception>> Failures = new()
    {
        [nameof(SiloUnavailableException)] = () => Make(typeof(SiloUnavailableException)),
        [nameof(OrleansMessageRejectionException)] = () => Make(typeof(OrleansMessageRejectionException)),
        [nameof(ClientNotAvailableException)] = () => Make(typeof(ClientNotAvailableException)),
        [nameof(GatewayTooBusyException)] = () => Make(typeof(GatewayTooBusyException)),
        [nameof(Orleans.Runtime.Messaging.ConnectionFailedException)] = () => Make(typeof(Orleans.Runtime.Messaging.ConnectionFailedException)),
        [nameof(TimeoutException)] = () => new TimeoutException("Response did not arrive on time"),
        // Seen when a silo died while a call waited for placement (the two-host silo failure test).
        ["placement expired"] = () => new OperationCanceledException("Message expired before placement could complete for grain asf.insats/x."),
        ["wrapped"] = () => new AggregateException(new InvalidOperationException("grain call failed", Make(typeof(SiloUnavailableException)))),
    };

    // Orleans builds some of these only internally; the mapping looks at the type alone.
    private static Exception Make(Type type) =>
        type.GetConstructor([typeof(string)]) is { } withMessage ? (Exception)withMessage.Invoke(["silon svarar inte"])
        : type.GetConstructor(Type.EmptyTypes) is { } plain ? (Exception)plain.Invoke(null)
        : (Exception)RuntimeHelpers.GetUninitializedObject(type);

    private static async Task<(object? Result, int Calls, HttpContext Http)> FilterAsync(string method, Func<int, object?> endpoint)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        var calls = 0;
        var result = await new DomainProblemFilter().InvokeAsync(new DefaultEndpointFilterInvocationContext(http),
            _ => ValueTask.FromResult(endpoint(++calls)));
        return (result, calls, http);
    }

    [Theory]
    [MemberData(nameof(ClusterFailures))]
    public async Task An_api_write_that_meets_a_cluster_failure_answers_503_with_retry_after_in_Swedish(string failure)
    {
        var (result, calls, http) = await FilterAsync("POST", _ => throw Failures[failure]());

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(503, problem.StatusCode);
        Assert.Equal("Tjänsten är tillfälligt otillgänglig", problem.ProblemDetails.Title);
        Assert.Contains("Försök igen", problem.ProblemDetails.Detail);
        Assert.Equal("2", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal(1, calls); // a write is never repeated: the first attempt may have been applied
    }

    [Fact]
    public async Task A_read_that_was_refused_by_a_dead_silo_is_answered_by_its_second_try()
    {
        var (result, calls, _) = await FilterAsync("GET", call => call == 1 ? throw Make(typeof(SiloUnavailableException)) : "svar");

        Assert.Equal("svar", result);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_read_refused_twice_answers_503_and_a_timed_out_read_is_not_repeated()
    {
        var (refused, refusedCalls, _) = await FilterAsync("GET", _ => throw Make(typeof(OrleansMessageRejectionException)));
        var (timedOut, timedOutCalls, _) = await FilterAsync("GET", _ => throw new TimeoutException());

        Assert.Equal(503, Assert.IsType<ProblemHttpResult>(refused).StatusCode);
        Assert.Equal(2, refusedCalls);
        Assert.Equal(503, Assert.IsType<ProblemHttpResult>(timedOut).StatusCode);
        Assert.Equal(1, timedOutCalls);
    }

    [Fact]
    public async Task Other_failures_are_left_to_the_error_page()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            FilterAsync("GET", _ => throw new InvalidOperationException("fel i koden")));
    }

    [Theory]
    [MemberData(nameof(ClusterFailures))]
    public async Task A_page_that_meets_a_cluster_failure_answers_503_with_retry_after_and_a_Swedish_message(string failure)
    {
        var http = await HandleAsync("/insats/finsam-gavleborg/asf-2016-2020/2017", Failures[failure]());

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("2", http.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("text/html", http.Response.ContentType);
        var page = ReadBody(http);
        Assert.Contains("<html lang=\"sv\">", page);
        Assert.Contains("Tjänsten är tillfälligt otillgänglig", page);
        Assert.Contains("Försök igen om en liten stund", page);
    }

    [Fact]
    public async Task An_api_request_outside_the_domain_endpoints_gets_a_Swedish_problem_with_retry_after()
    {
        var http = await HandleAsync("/api/reports", Make(typeof(SiloUnavailableException)));

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("2", http.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", http.Response.ContentType);
        var problem = JsonDocument.Parse(ReadBody(http)).RootElement;
        Assert.Equal("Tjänsten är tillfälligt otillgänglig", problem.GetProperty("title").GetString());
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
    }

    private static async Task<HttpContext> HandleAsync(string path, Exception failure)
    {
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        };
        http.Request.Method = "GET";
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        await ClusterUnavailable.HandleAsync(http, () => throw failure);
        return http;
    }

    private static string ReadBody(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return new StreamReader(http.Response.Body).ReadToEnd();
    }
}
