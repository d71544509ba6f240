using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Fairshare.Core.Crypto;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Genesis;

/// <summary>
/// Reads a genesis JSON document (format in <c>docs/protocol/genesis.md</c>). Amounts are decimal strings in
/// whole tokens (<c>"1.5"</c> FSH); heights are integers. Every problem is reported with a code and the field's path.
/// </summary>
public static class GenesisParser
{
    private const int MaxAllocations = 2_000_000;

    /// <summary>Parses the document, or returns the first problem.</summary>
    public static (GenesisConfig? Config, GenesisError? Error) Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            return (ReadConfig(document.RootElement), null);
        }
        catch (JsonException e)
        {
            return (null, new GenesisError(ResultCode.GenesisMalformed, "not valid JSON: " + e.Message));
        }
        catch (GenesisException e)
        {
            return (null, e.Error);
        }
    }

    private static GenesisConfig ReadConfig(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Malformed("$", "must be an object");
        string chainId = RequiredString(root, "chain_id", "$");
        if (chainId.Length is 0 or > 64) throw new GenesisException(ResultCode.GenesisBadValue, "chain_id: must be 1 to 64 characters");
        ulong genesisTime = RequiredUInt64(root, "genesis_time_ms", "$");

        var assets = ImmutableArray.CreateBuilder<GenesisAsset>();
        int index = 0;
        foreach (var item in RequiredArray(root, "assets", "$"))
        {
            string path = $"assets[{index++}]";
            var id = RequiredUInt64(item, "id", path);
            if (id > uint.MaxValue) throw new GenesisException(ResultCode.GenesisBadValue, path + ".id: out of range");
            var symbol = RequiredString(item, "symbol", path);
            var decimals = RequiredUInt64(item, "decimals", path);
            if (decimals > 36) throw new GenesisException(ResultCode.GenesisBadValue, path + ".decimals: at most 36");
            Address? issuer = item.TryGetProperty("issuer", out var issuerElement) ? ReadAddress(issuerElement, path + ".issuer") : null;
            if (assets.Any(a => a.Id.Value == id || a.Symbol == symbol))
                throw new GenesisException(ResultCode.GenesisBadValue, path + ": duplicate asset id or symbol");
            assets.Add(new GenesisAsset(new AssetId((uint)id), symbol, (byte)decimals, issuer));
        }

        var fsh = assets.FirstOrDefault(a => a.Id == AssetId.Fsh);
        if (fsh is null || fsh.Symbol != "FSH" || fsh.Issuer is not null)
            throw new GenesisException(ResultCode.GenesisBadValue, "assets: asset 0 must be FSH, with no issuer");

        var parameters = RequiredObject(root, "params", "$");
        var minFee = ReadAmount(RequiredString(parameters, "min_fee", "params"), fsh.Decimals, "params.min_fee");
        var bps = RequiredUInt64(parameters, "fee_validator_bps", "params");
        if (bps > 10_000) throw new GenesisException(ResultCode.GenesisBadValue, "params.fee_validator_bps: at most 10000");
        var treasury = parameters.TryGetProperty("treasury", out var treasuryElement)
            ? ReadAddress(treasuryElement, "params.treasury")
            : Address.ForModule("treasury");

        var validators = ImmutableArray.CreateBuilder<PublicKey>();
        index = 0;
        foreach (var item in RequiredArray(root, "validators", "$"))
        {
            string path = $"validators[{index++}]";
            if (item.ValueKind != JsonValueKind.String || !PublicKey.TryParse(item.GetString(), out var key))
                throw new GenesisException(ResultCode.GenesisBadAddress, path + ": must be a 64-hex-digit Ed25519 public key");
            validators.Add(key!);
        }

        var allocations = ImmutableArray.CreateBuilder<GenesisAllocation>();
        index = 0;
        foreach (var item in RequiredArray(root, "allocations", "$"))
        {
            string path = $"allocations[{index++}]";
            if (index > MaxAllocations) throw new GenesisException(ResultCode.GenesisBadValue, "allocations: too many");
            var address = ReadAddress(Required(item, "address", path), path + ".address");
            var cohortText = RequiredString(item, "cohort", path);
            if (cohortText.Length == 0 || !char.IsLetter(cohortText[0])
                || !Enum.TryParse<Cohort>(cohortText, ignoreCase: true, out var cohort) || cohort is Cohort.None or Cohort.Module)
                throw new GenesisException(ResultCode.GenesisBadValue, $"{path}.cohort: '{cohortText}' is not one of founders, investors, advisors, community, treasury, providers, airdrop");
            var label = item.TryGetProperty("label", out var labelElement) && labelElement.ValueKind == JsonValueKind.String
                ? labelElement.GetString()! : string.Empty;
            var amount = ReadAmount(RequiredString(item, "amount", path), fsh.Decimals, path + ".amount");
            GenesisVesting? vesting = null;
            if (item.TryGetProperty("vesting", out var vestingElement))
            {
                string vestingPath = path + ".vesting";
                vesting = new GenesisVesting(
                    RequiredUInt64(vestingElement, "start_height", vestingPath),
                    RequiredUInt64(vestingElement, "cliff_blocks", vestingPath),
                    RequiredUInt64(vestingElement, "duration_blocks", vestingPath));
            }

            allocations.Add(new GenesisAllocation(address, cohort, label, amount, vesting));
        }

        return new GenesisConfig(chainId, genesisTime, assets.ToImmutable(), minFee, (ushort)bps, treasury, validators.ToImmutable(), allocations.ToImmutable())
        {
            Parameters = ReadModuleParameters(root),
        };
    }

    /// <summary>The optional <c>module_params</c> object: governance name → value as a decimal string in the
    /// parameter's units (<c>"stake.min-self-bond": "100"</c> is 100 FSH).</summary>
    private static ImmutableArray<GenesisParameter> ReadModuleParameters(JsonElement root)
    {
        if (!root.TryGetProperty("module_params", out var element)) return [];
        if (element.ValueKind != JsonValueKind.Object) throw Malformed("module_params", "must be an object");
        var parameters = ImmutableArray.CreateBuilder<GenesisParameter>();
        foreach (var property in element.EnumerateObject())
        {
            string path = "module_params." + property.Name;
            var parameter = GovernableParameters.FindByName(property.Name)
                ?? throw new GenesisException(ResultCode.GenesisBadValue, $"{path}: no such parameter (see 'fairshare gov params')");
            if (property.Value.ValueKind != JsonValueKind.String) throw Malformed(path, "must be a string");
            parameters.Add(new GenesisParameter(parameter.Name, ReadAmount(property.Value.GetString()!, parameter.Decimals, path)));
        }

        return parameters.ToImmutable();
    }

    private static JsonElement Required(JsonElement parent, string name, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object) throw Malformed(path, "must be an object");
        return parent.TryGetProperty(name, out var value) ? value : throw Malformed($"{path}.{name}", "is missing");
    }

    private static string RequiredString(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Malformed($"{path}.{name}", "must be a string");
    }

    private static ulong RequiredUInt64(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        if (value.ValueKind == JsonValueKind.Number && ulong.TryParse(value.GetRawText(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong number))
            return number;
        throw new GenesisException(ResultCode.GenesisBadValue, $"{path}.{name}: must be a non-negative integer");
    }

    private static JsonElement.ArrayEnumerator RequiredArray(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Malformed($"{path}.{name}", "must be an array");
    }

    private static JsonElement RequiredObject(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.ValueKind == JsonValueKind.Object ? value : throw Malformed($"{path}.{name}", "must be an object");
    }

    private static Address ReadAddress(JsonElement element, string path)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        var error = Address.TryParse(text, out var address);
        return error == AddressParseError.None
            ? address
            : throw new GenesisException(ResultCode.GenesisBadAddress, $"{path}: '{text}' is not a Fairshare address ({error})");
    }

    private static Amount ReadAmount(string text, int decimals, string path) =>
        Amount.TryParseDecimal(text, decimals, out var amount)
            ? amount
            : throw new GenesisException(ResultCode.GenesisBadAmount, $"{path}: '{text}' is not an amount with at most {decimals} decimals");

    private static GenesisException Malformed(string path, string what) => new(ResultCode.GenesisMalformed, $"{path}: {what}");
}
