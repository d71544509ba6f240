using System.Collections.Immutable;
using Fairshare.Core.Genesis;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents;

/// <summary>What a local network starts with: its folder, chain id, agents, module parameters and starting funds.</summary>
/// <param name="Root">The folder for the data directory and the blob store (created; must be empty or absent).</param>
/// <param name="ChainId">The chain id.</param>
/// <param name="Providers">The provider agents' profiles.</param>
/// <param name="Clients">The client agents' profiles.</param>
/// <param name="Parameters">Module parameters at genesis (e.g. <c>market.matching-policy</c>).</param>
/// <param name="ProviderFunds">FSH each provider starts with (its bond and fees come out of it).</param>
/// <param name="ClientFunds">FSH each client starts with (its escrow and fees come out of it).</param>
public sealed record NetworkSetup(
    string Root,
    string ChainId,
    ImmutableArray<ProviderProfile> Providers,
    ImmutableArray<ClientProfile> Clients,
    ImmutableArray<GenesisParameter> Parameters,
    Amount ProviderFunds,
    Amount ClientFunds);
