namespace AsfPlatform.Runtime;

/// <summary>Marker for anything that can be called through a reference (grains and observers), as in Orleans.</summary>
public interface IAddressable;

/// <summary>Marker for grain interfaces.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain identified by a string key, like Orleans' <c>IGrainWithStringKey</c>.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>An observer that grains can notify (one-way, like Orleans' <c>IGrainObserver</c>).</summary>
public interface IGrainObserver : IAddressable;
