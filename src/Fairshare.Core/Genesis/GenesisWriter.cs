using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fairshare.Core.Genesis;

/// <summary>Writes a genesis config as the JSON that <see cref="GenesisParser"/> reads back to an equal config.</summary>
public static class GenesisWriter
{
    /// <summary>The JSON document, indented.</summary>
    public static string ToJson(GenesisConfig config)
    {
        var fsh = config.Assets.First(a => a.Id == Primitives.AssetId.Fsh);
        var assets = new JsonArray();
        foreach (var asset in config.Assets)
        {
            var item = new JsonObject { ["id"] = asset.Id.Value, ["symbol"] = asset.Symbol, ["decimals"] = asset.Decimals };
            if (asset.Issuer is { } issuer) item["issuer"] = issuer.ToString();
            assets.Add(item);
        }

        var allocations = new JsonArray();
        foreach (var allocation in config.Allocations)
        {
            var item = new JsonObject
            {
                ["address"] = allocation.Address.ToString(),
                ["cohort"] = allocation.Cohort.ToString().ToLowerInvariant(),
                ["label"] = allocation.Label,
                ["amount"] = allocation.Amount.ToDecimalString(fsh.Decimals),
            };
            if (allocation.Vesting is { } v)
            {
                item["vesting"] = new JsonObject
                {
                    ["start_height"] = v.StartHeight,
                    ["cliff_blocks"] = v.CliffBlocks,
                    ["duration_blocks"] = v.DurationBlocks,
                };
            }

            allocations.Add(item);
        }

        var root = new JsonObject
        {
            ["chain_id"] = config.ChainId,
            ["genesis_time_ms"] = config.GenesisTimeMs,
            ["assets"] = assets,
            ["params"] = new JsonObject
            {
                ["min_fee"] = config.MinFee.ToDecimalString(fsh.Decimals),
                ["fee_validator_bps"] = config.FeeValidatorBps,
                ["treasury"] = config.Treasury.ToString(),
            },
            ["validators"] = new JsonArray([.. config.Validators.Select(v => (JsonNode)v.ToString())]),
            ["allocations"] = allocations,
        };
        if (!config.Parameters.IsEmpty)
        {
            var moduleParams = new JsonObject();
            foreach (var parameter in config.Parameters)
            {
                var decimals = Modules.Governance.GovernableParameters.FindByName(parameter.Name)?.Decimals ?? 0;
                moduleParams[parameter.Name] = parameter.Value.ToDecimalString(decimals);
            }

            root["module_params"] = moduleParams;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
