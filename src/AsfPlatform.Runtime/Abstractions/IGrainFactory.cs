namespace AsfPlatform.Runtime;

/// <summary>Creates references to grains and observers, like Orleans' <c>IGrainFactory</c>.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a reference to the grain with this key; the activation is created on its first call.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;

    /// <summary>Wraps a local object so grains can call it as an observer.</summary>
    TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver;

    /// <summary>Releases an observer reference created by <see cref="CreateObjectReference{T}"/>.</summary>
    void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver;
}
