using System.Linq.Expressions;
using System.Reflection;

namespace AsfPlatform.Runtime.Core;

/// <summary>
/// One interface method, compiled once into a delegate that calls it on any implementation (no per-call
/// reflection). The generic subclass carries the result type so the hot path stays free of boxing.
/// </summary>
internal abstract class GrainMethodInvoker
{
    private readonly bool[] _copyArgument;
    private readonly bool _copiesArguments;

    protected GrainMethodInvoker(MethodInfo method)
    {
        Method = method;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), true);
        IsOneWay = method.IsDefined(typeof(OneWayAttribute), true) || method.ReturnType == typeof(void);
        var parameters = method.GetParameters();
        if (parameters.Any(p => p.ParameterType.IsByRef))
        {
            throw new NotSupportedException($"Grain method {Name} has a ref or out parameter; grain calls are messages.");
        }

        _copyArgument = parameters.Select(p => !DeepCopier.NeverCopies(p.ParameterType)).ToArray();
        _copiesArguments = _copyArgument.Any(copy => copy);
    }

    public MethodInfo Method { get; }

    /// <summary>Interface and method name, for error messages and logs.</summary>
    public string Name { get; }

    public bool AlwaysInterleave { get; }

    /// <summary>The caller does not wait (observer notifications).</summary>
    public bool IsOneWay { get; }

    /// <summary>Calls the method through a grain reference; returns what the interface method returns.</summary>
    public abstract object? InvokeGrain(GrainReference reference, object?[] arguments);

    /// <summary>Calls the method on a local observer object behind an object reference.</summary>
    public abstract object? InvokeObserver(ObserverReference reference, object?[] arguments);

    /// <summary>Replaces mutable arguments by private copies, in place.</summary>
    public void CopyArguments(object?[] arguments)
    {
        if (!_copiesArguments)
        {
            return;
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (_copyArgument[i])
            {
                arguments[i] = DeepCopier.Copy(arguments[i]);
            }
        }
    }

    public static GrainMethodInvoker Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        var resultType = returnType.IsGenericType
                         && (returnType.GetGenericTypeDefinition() == typeof(Task<>)
                             || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returnType.GetGenericArguments()[0]
            : returnType == typeof(Task) || returnType == typeof(ValueTask) || returnType == typeof(void)
                ? typeof(object)
                : throw new NotSupportedException(
                    $"Grain method {method.DeclaringType!.Name}.{method.Name} returns {returnType.Name}; " +
                    "grain methods return Task, Task<T>, ValueTask or ValueTask<T> (observer methods may return void).");
        return (GrainMethodInvoker)Activator.CreateInstance(typeof(GrainMethodInvoker<>).MakeGenericType(resultType), method)!;
    }
}

/// <inheritdoc />
internal sealed class GrainMethodInvoker<T> : GrainMethodInvoker
{
    private static readonly Task<T> CompletedDefault = Task.FromResult(default(T)!);
    private readonly Func<object, object?[], Task<T>> _call;
    private readonly Func<Task<T>, object?> _wrap;
    private readonly bool _copiesResult;

    public GrainMethodInvoker(MethodInfo method) : base(method)
    {
        _call = Compile(method);
        _wrap = CreateWrapper(method.ReturnType);
        _copiesResult = !DeepCopier.NeverCopies(typeof(T));
    }

    /// <summary>Runs the method on the grain object (inside a turn).</summary>
    public Task<T> Call(object target, object?[] arguments) => _call(target, arguments);

    public T CopyResult(T result) => _copiesResult ? DeepCopier.Copy(result) : result;

    /// <summary>Whether results are returned as they are (then the grain's own task can be handed to the caller).</summary>
    public bool PassesResultAsIs => !_copiesResult;

    public override object? InvokeGrain(GrainReference reference, object?[] arguments)
    {
        CopyArguments(arguments);
        return _wrap(reference.Runtime.InvokeAsync(reference, this, arguments));
    }

    public override object? InvokeObserver(ObserverReference reference, object?[] arguments)
    {
        CopyArguments(arguments);
        return _wrap(reference.InvokeAsync(this, arguments));
    }

    private static Func<Task<T>, object?> CreateWrapper(Type returnType)
    {
        if (returnType == typeof(void))
        {
            return static task => null;
        }

        if (returnType == typeof(ValueTask))
        {
            return static task => new ValueTask(task);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return static task => new ValueTask<T>(task);
        }

        return static task => task;
    }

    private static Func<object, object?[], Task<T>> Compile(MethodInfo method)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters();
        var call = Expression.Call(
            Expression.Convert(target, method.DeclaringType!),
            method,
            parameters.Select((p, i) => Expression.Convert(
                Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));

        Expression body = method.ReturnType switch
        {
            var t when t == typeof(Task<T>) => call,
            var t when t == typeof(ValueTask<T>) => Expression.Call(call, typeof(ValueTask<T>).GetMethod(nameof(ValueTask<T>.AsTask))!),
            var t when t == typeof(Task) => Expression.Call(typeof(GrainMethodInvoker<T>).GetMethod(nameof(FromTask), BindingFlags.NonPublic | BindingFlags.Static)!, call),
            var t when t == typeof(ValueTask) => Expression.Call(
                typeof(GrainMethodInvoker<T>).GetMethod(nameof(FromTask), BindingFlags.NonPublic | BindingFlags.Static)!,
                Expression.Call(call, typeof(ValueTask).GetMethod(nameof(ValueTask.AsTask))!)),
            _ => Expression.Block(call, Expression.Constant(CompletedDefault, typeof(Task<T>))),
        };

        return Expression.Lambda<Func<object, object?[], Task<T>>>(body, target, arguments).Compile();
    }

    // Task-returning methods are carried as Task<object?> (T is object here) so one code path serves all.
    private static Task<T> FromTask(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return CompletedDefault;
        }

        return Await(task);

        static async Task<T> Await(Task task)
        {
            await task.ConfigureAwait(false);
            return default!;
        }
    }
}
