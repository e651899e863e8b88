using Orleans.Concurrency;

namespace Cabinet.Opinions;

/// <summary>A web host's (or a page's) subscription to one opinion ballot's steps.</summary>
[Alias("cabinet.IOpinionObserver")]
public interface IOpinionObserver : IGrainObserver
{
    [OneWay]
    Task OnOpinionEventAsync(OpinionEvent opinionEvent);
}
