using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Fairshare.Architecture.Tests;

/// <summary>
/// Reads a compiled assembly's metadata (no loading) and reports what breaks a layer's rules: assembly references,
/// type and member references into banned namespaces or types, floating-point IL opcodes, and float/double in any
/// method, field, property or local signature. An optional namespace prefix limits body and signature checks to
/// types declared under it.
/// </summary>
public static class AssemblyRuleScanner
{
    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => (ushort)o.Value);

    private static readonly HashSet<ushort> FloatOpcodes =
        [(ushort)OpCodes.Ldc_R4.Value, (ushort)OpCodes.Ldc_R8.Value, (ushort)OpCodes.Conv_R4.Value,
         (ushort)OpCodes.Conv_R8.Value, (ushort)OpCodes.Conv_R_Un.Value, (ushort)OpCodes.Ckfinite.Value];

    /// <summary>Scans the assembly at <paramref name="path"/>.</summary>
    public static IReadOnlyList<Violation> Scan(string path, LayerRules rules, string? namespaceFilter = null)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var violations = new List<Violation>();
        string assemblyName = md.GetString(md.GetAssemblyDefinition().Name);

        if (namespaceFilter is null)
        {
            foreach (var handle in md.AssemblyReferences)
            {
                var name = md.GetString(md.GetAssemblyReference(handle).Name);
                if (!rules.MayReferenceAssembly(name)) violations.Add(new("assembly-reference", assemblyName, name));
            }

            foreach (var handle in md.TypeReferences)
            {
                var full = FullName(md, handle);
                if (IsBanned(full, rules)) violations.Add(new("type-reference", assemblyName, full));
            }

            foreach (var handle in md.MemberReferences)
            {
                var member = md.GetMemberReference(handle);
                if (member.Parent.Kind == HandleKind.TypeReference)
                {
                    var full = FullName(md, (TypeReferenceHandle)member.Parent);
                    if (IsBanned(full, rules)) violations.Add(new("member-reference", assemblyName, $"{full}.{md.GetString(member.Name)}"));
                }
            }
        }

        var provider = new FloatDetector();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            string typeName = DeclaredName(md, type);
            if (namespaceFilter is not null && !typeName.StartsWith(namespaceFilter, StringComparison.Ordinal)) continue;
            if (namespaceFilter is not null) CollectReferencedTypes(md, pe, type, typeName, rules, violations);
            if (!rules.ForbidFloatingPoint) continue;

            foreach (var fieldHandle in type.GetFields())
            {
                var field = md.GetFieldDefinition(fieldHandle);
                if (field.DecodeSignature(provider, null)) violations.Add(new("float-signature", $"{typeName}.{md.GetString(field.Name)}", "field"));
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = md.GetPropertyDefinition(propertyHandle);
                var signature = property.DecodeSignature(provider, null);
                if (signature.ReturnType || signature.ParameterTypes.Any(p => p))
                    violations.Add(new("float-signature", $"{typeName}.{md.GetString(property.Name)}", "property"));
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                string location = $"{typeName}.{md.GetString(method.Name)}";
                var signature = method.DecodeSignature(provider, null);
                if (signature.ReturnType || signature.ParameterTypes.Any(p => p))
                    violations.Add(new("float-signature", location, "parameter or return type"));
                if (method.RelativeVirtualAddress == 0) continue;
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    var locals = md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
                    if (locals.Any(l => l)) violations.Add(new("float-signature", location, "local variable"));
                }

                var opcode = FirstFloatOpcode(body.GetILBytes() ?? []);
                if (opcode is not null) violations.Add(new("float-opcode", location, opcode));
            }
        }

        return violations;
    }

    private static void CollectReferencedTypes(MetadataReader md, PEReader pe, TypeDefinition type, string typeName, LayerRules rules, List<Violation> violations)
    {
        // With a filter, the assembly-wide reference tables cannot be attributed to one type; scan member references
        // through method bodies' tokens instead.
        foreach (var methodHandle in type.GetMethods())
        {
            var method = md.GetMethodDefinition(methodHandle);
            if (method.RelativeVirtualAddress == 0) continue;
            foreach (var token in Tokens(pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? []))
            {
                var handle = MetadataTokens.EntityHandle(token);
                string? referenced = ReferencedTypeName(md, handle);
                if (referenced is not null && IsBanned(referenced, rules))
                    violations.Add(new("type-reference", $"{typeName}.{md.GetString(method.Name)}", referenced));
            }
        }
    }

    /// <summary>The type a token in IL refers to (through member references, generic method and type instantiations).</summary>
    private static string? ReferencedTypeName(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => FullName(md, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(TypeNames.Instance, null),
        HandleKind.MemberReference => ReferencedTypeName(md, md.GetMemberReference((MemberReferenceHandle)handle).Parent),
        HandleKind.MethodSpecification => ReferencedTypeName(md, md.GetMethodSpecification((MethodSpecificationHandle)handle).Method),
        _ => null,
    };

    private static bool IsBanned(string fullName, LayerRules rules)
    {
        if (rules.AllowedTypes.Contains(fullName)) return false;
        if (rules.BannedTypes.Any(t => fullName == t || fullName.StartsWith(t + "+", StringComparison.Ordinal))) return true;
        return rules.BannedNamespaces.Any(ns => fullName.StartsWith(ns + ".", StringComparison.Ordinal));
    }

    private static string FullName(MetadataReader md, TypeReferenceHandle handle)
    {
        var reference = md.GetTypeReference(handle);
        string name = md.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
            return FullName(md, (TypeReferenceHandle)reference.ResolutionScope) + "+" + name;
        string ns = md.GetString(reference.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string DeclaredName(MetadataReader md, TypeDefinition type)
    {
        string name = md.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return DeclaredName(md, md.GetTypeDefinition(declaring)) + "+" + name;
        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string? FirstFloatOpcode(byte[] il)
    {
        foreach (var (opcode, _) in Instructions(il))
        {
            if (FloatOpcodes.Contains(opcode)) return OpCodesByValue[opcode].Name;
        }

        return null;
    }

    private static IEnumerable<int> Tokens(byte[] il)
    {
        foreach (var (opcode, operand) in Instructions(il))
        {
            var type = OpCodesByValue[opcode].OperandType;
            if (type is OperandType.InlineTok or OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField)
                yield return BitConverter.ToInt32(il, operand);
        }
    }

    /// <summary>Walks IL instruction by instruction, yielding each opcode and the offset of its operand.</summary>
    private static IEnumerable<(ushort Opcode, int OperandOffset)> Instructions(byte[] il)
    {
        int i = 0;
        while (i < il.Length)
        {
            ushort value = il[i] == 0xFE && i + 1 < il.Length ? (ushort)(0xFE00 | il[i + 1]) : il[i];
            i += value > 0xFF ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var opcode)) throw new InvalidDataException($"unknown IL opcode 0x{value:X}");
            int operand = i;
            i += opcode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            yield return (value, operand);
        }
    }

    /// <summary>Decodes a type signature to the full name of its (generic) type.</summary>
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        public static readonly TypeNames Instance = new();
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;
        public string GetArrayType(string elementType, ArrayShape shape) => elementType;
        public string GetByReferenceType(string elementType) => elementType;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType.Split('`')[0];
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType;
        public string GetSZArrayType(string elementType) => elementType;
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => DeclaredName(reader, reader.GetTypeDefinition(handle));
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => FullName(reader, handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }

    /// <summary>Decodes signatures to "does this mention float or double".</summary>
    private sealed class FloatDetector : ISignatureTypeProvider<bool, object?>
    {
        public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode is PrimitiveTypeCode.Single or PrimitiveTypeCode.Double;
        public bool GetArrayType(bool elementType, ArrayShape shape) => elementType;
        public bool GetByReferenceType(bool elementType) => elementType;
        public bool GetFunctionPointerType(MethodSignature<bool> signature) => signature.ReturnType || signature.ParameterTypes.Any(p => p);
        public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => genericType || typeArguments.Any(t => t);
        public bool GetGenericMethodParameter(object? genericContext, int index) => false;
        public bool GetGenericTypeParameter(object? genericContext, int index) => false;
        public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => unmodifiedType;
        public bool GetPinnedType(bool elementType) => elementType;
        public bool GetPointerType(bool elementType) => elementType;
        public bool GetSZArrayType(bool elementType) => elementType;
        public bool GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => false;
        public bool GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            FullName(reader, handle) is "System.Single" or "System.Double" or "System.Decimal" or "System.Half";
        public bool GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
