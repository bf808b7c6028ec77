using ScRepro.Audit.Model;

namespace ScRepro.Audit.Hub;

/// <summary>What fetching a Hub revision produced: the snapshot, the local folder of its files, the stored responses.</summary>
public sealed record HubFetchResult(HubSnapshot Snapshot, string Folder, IReadOnlyList<HubResponseRecord> Responses);
