using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Fairshare.Architecture.Tests;

/// <summary>
/// Checks a compiled assembly against a <see cref="LayerRules"/> by reading its metadata with <see cref="PEReader"/>
/// (nothing is loaded into the runtime): (a) assembly references against the allow-list; (b) type references (nested
/// ones judged by their outermost type) and member references against banned namespaces, types and members; (c) every
/// method body's IL, decoded instruction by instruction, for floating-point opcodes; (d) method, field, property,
/// local-variable and referenced-member signatures for float, double, decimal and Half.
/// </summary>
/// <remarks>
/// A violation names the declaring type and member that uses it (<c>Fairshare.Core.Ledger.Foo.Bar</c>, nested types
/// joined with '+'); a reference that no type header, signature or method body uses (an attribute, say) is reported at
/// <c>AssemblyName (metadata)</c>. With a namespace filter only the types declared in that namespace or below are
/// checked, and the assembly-wide checks (assembly references, metadata tables) are skipped.
/// </remarks>
public static class AssemblyRuleScanner
{
    private static readonly (OpCode?[] OneByte, OpCode?[] TwoByte) OpCodeTable = BuildOpCodeTable();

    /// <summary>Scans the assembly file at <paramref name="assemblyPath"/> and returns every violation found.</summary>
    /// <param name="namespaceFilter">When set, only types declared in this namespace (or below) are checked.</param>
    public static IReadOnlyList<Violation> Scan(string assemblyPath, LayerRules rules, string? namespaceFilter = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var session = new Session(pe, rules);
        session.CheckTypes(namespaceFilter);
        if (namespaceFilter is null)
        {
            session.CheckAssemblyReferences();
            session.CheckMetadataTables();
        }

        return session.Violations;
    }

    /// <summary>The simple names of the assemblies that the assembly file references.</summary>
    public static IReadOnlyList<string> ReadAssemblyReferences(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        return [.. md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name))];
    }

    /// <summary>The full names (namespace and name) of the types the assembly file defines, nested ones joined with '+'.</summary>
    public static IReadOnlyList<string> ReadTypeNames(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            string name = md.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            while (!declaring.IsNil)
            {
                var outer = md.GetTypeDefinition(declaring);
                name = md.GetString(outer.Name) + "+" + name;
                type = outer;
                declaring = outer.GetDeclaringType();
            }

            string ns = md.GetString(type.Namespace);
            names.Add(ns.Length == 0 ? name : ns + "." + name);
        }

        return names;
    }

    /// <summary>Decodes a method body's IL into its opcodes, skipping each operand by its encoded size.</summary>
    public static IReadOnlyList<OpCode> DecodeOpCodes(byte[] il)
    {
        ArgumentNullException.ThrowIfNull(il);
        return [.. Instructions(il).Select(i => i.OpCode)];
    }

    /// <summary>Whether the opcode computes with, loads or stores floating-point values.</summary>
    public static bool IsFloatingPointOpCode(OpCode opCode)
    {
        string name = opCode.Name ?? "";
        return name.EndsWith(".r4", StringComparison.Ordinal) || name.EndsWith(".r8", StringComparison.Ordinal)
            || name is "conv.r.un" or "ckfinite";
    }

    private static (OpCode?[] OneByte, OpCode?[] TwoByte) BuildOpCodeTable()
    {
        var oneByte = new OpCode?[256];
        var twoByte = new OpCode?[256];
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            // The reserved prefix1..prefix7/prefixref entries are not instructions; leaving them out makes them errors.
            if (field.GetValue(null) is not OpCode opCode || opCode.OpCodeType == OpCodeType.Nternal) continue;
            ushort value = unchecked((ushort)opCode.Value);
            if (opCode.Size == 1) oneByte[value] = opCode;
            else if (value >> 8 == 0xFE) twoByte[value & 0xFF] = opCode;
        }

        return (oneByte, twoByte);
    }

    /// <summary>Walks IL one instruction at a time, so operand bytes are never read as opcodes.</summary>
    private static IEnumerable<(int Offset, OpCode OpCode, int OperandOffset)> Instructions(byte[] il)
    {
        int i = 0;
        while (i < il.Length)
        {
            int offset = i;
            OpCode? decoded;
            if (il[i] == 0xFE)
            {
                if (i + 1 >= il.Length) throw new BadImageFormatException($"IL truncated at IL_{offset:x4}");
                decoded = OpCodeTable.TwoByte[il[i + 1]];
                i += 2;
            }
            else
            {
                decoded = OpCodeTable.OneByte[il[i]];
                i += 1;
            }

            if (decoded is not OpCode opCode) throw new BadImageFormatException($"unknown IL opcode at IL_{offset:x4}");
            int operand = i;
            i += OperandSize(opCode, il, operand);
            if (i > il.Length) throw new BadImageFormatException($"IL operand of {opCode.Name} at IL_{offset:x4} is truncated");
            yield return (offset, opCode, operand);
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int operand) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineBrTarget or OperandType.InlineField or OperandType.InlineI or OperandType.InlineMethod
            or OperandType.InlineSig or OperandType.InlineString or OperandType.InlineTok or OperandType.InlineType
            or OperandType.ShortInlineR => 4,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        // switch: a uint32 count N, then N int32 branch offsets.
        OperandType.InlineSwitch when operand + 4 <= il.Length =>
            checked(4 + 4 * (int)BinaryPrimitives.ReadUInt32LittleEndian(il.AsSpan(operand))),
        _ => throw new BadImageFormatException($"cannot size the operand of {opCode.Name}"),
    };

    private static (string Namespace, string FullName) TypeReferenceName(MetadataReader md, TypeReferenceHandle handle)
    {
        var reference = md.GetTypeReference(handle);
        string name = md.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            var outer = TypeReferenceName(md, (TypeReferenceHandle)reference.ResolutionScope);
            return (outer.Namespace, outer.FullName + "+" + name);
        }

        string ns = md.GetString(reference.Namespace);
        return (ns, ns.Length == 0 ? name : ns + "." + name);
    }

    private static string TypeDefinitionName(MetadataReader md, TypeDefinition type)
    {
        string name = md.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return TypeDefinitionName(md, md.GetTypeDefinition(declaring)) + "+" + name;
        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string OutermostNamespace(MetadataReader md, TypeDefinition type)
    {
        while (!type.GetDeclaringType().IsNil) type = md.GetTypeDefinition(type.GetDeclaringType());
        return md.GetString(type.Namespace);
    }

    private static bool IsUnder(string ns, string prefix) =>
        ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static string Describe(MethodSignature<string> signature) =>
        $"{signature.ReturnType}({string.Join(", ", signature.ParameterTypes)})";

    /// <summary>The state of one scan: the metadata being read and the violations found so far.</summary>
    private sealed class Session
    {
        private readonly PEReader _pe;
        private readonly MetadataReader _md;
        private readonly LayerRules _rules;
        private readonly List<Violation> _violations = [];
        private readonly HashSet<Violation> _seen = [];
        private readonly HashSet<(string Rule, string Detail)> _reported = [];
        private bool _onlyUnreported;

        public Session(PEReader pe, LayerRules rules)
        {
            _pe = pe;
            _md = pe.GetMetadataReader();
            _rules = rules;
        }

        public IReadOnlyList<Violation> Violations => _violations;

        private string AssemblyName => _md.GetString(_md.GetAssemblyDefinition().Name);

        public void CheckAssemblyReferences()
        {
            foreach (var handle in _md.AssemblyReferences)
            {
                string name = _md.GetString(_md.GetAssemblyReference(handle).Name);
                if (!_rules.MayReferenceAssembly(name)) Add(Violation.AssemblyReference, AssemblyName, name);
            }
        }

        public void CheckTypes(string? namespaceFilter)
        {
            foreach (var typeHandle in _md.TypeDefinitions)
            {
                var type = _md.GetTypeDefinition(typeHandle);
                if (namespaceFilter is not null && !IsUnder(OutermostNamespace(_md, type), namespaceFilter)) continue;
                string typeName = TypeDefinitionName(_md, type);

                CheckHandle(type.BaseType, typeName);
                foreach (var handle in type.GetInterfaceImplementations())
                    CheckHandle(_md.GetInterfaceImplementation(handle).Interface, typeName);
                CheckConstraints(type.GetGenericParameters(), typeName);

                foreach (var handle in type.GetFields())
                {
                    var field = _md.GetFieldDefinition(handle);
                    var collector = new SignatureCollector();
                    string signature = field.DecodeSignature(collector, null);
                    Report(collector, $"{typeName}.{_md.GetString(field.Name)}", $"field {signature}");
                }

                foreach (var handle in type.GetProperties())
                {
                    var property = _md.GetPropertyDefinition(handle);
                    var collector = new SignatureCollector();
                    var signature = property.DecodeSignature(collector, null);
                    Report(collector, $"{typeName}.{_md.GetString(property.Name)}", $"property {Describe(signature)}");
                }

                foreach (var handle in type.GetEvents())
                {
                    var @event = _md.GetEventDefinition(handle);
                    CheckHandle(@event.Type, $"{typeName}.{_md.GetString(@event.Name)}");
                }

                foreach (var handle in type.GetMethods()) CheckMethod(_md.GetMethodDefinition(handle), typeName);
            }
        }

        /// <summary>Sweeps the reference tables for anything the per-type checks did not already attribute.</summary>
        public void CheckMetadataTables()
        {
            string location = $"{AssemblyName} (metadata)";
            _onlyUnreported = true;
            foreach (var handle in _md.TypeReferences) CheckHandle(handle, location);
            foreach (var handle in _md.MemberReferences) CheckHandle(handle, location);
            for (int row = 1; row <= _md.GetTableRowCount(TableIndex.TypeSpec); row++)
                CheckHandle(MetadataTokens.TypeSpecificationHandle(row), location);
            for (int row = 1; row <= _md.GetTableRowCount(TableIndex.MethodSpec); row++)
                CheckHandle(MetadataTokens.MethodSpecificationHandle(row), location);
            _onlyUnreported = false;
        }

        private void CheckMethod(MethodDefinition method, string typeName)
        {
            string location = $"{typeName}.{_md.GetString(method.Name)}";
            var collector = new SignatureCollector();
            var signature = method.DecodeSignature(collector, null);
            Report(collector, location, $"signature {Describe(signature)}");
            CheckConstraints(method.GetGenericParameters(), location);
            if (method.RelativeVirtualAddress == 0) return;

            var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil) CheckHandle(body.LocalSignature, location);
            foreach (var region in body.ExceptionRegions) CheckHandle(region.CatchType, location);

            byte[] il = body.GetILBytes() ?? [];
            HashSet<string> floatOpCodes = [];
            foreach (var (offset, opCode, operand) in Instructions(il))
            {
                if (_rules.ForbidFloatingPoint && IsFloatingPointOpCode(opCode) && floatOpCodes.Add(opCode.Name ?? ""))
                    Add(Violation.FloatOpcode, location, $"{opCode.Name} at IL_{offset:x4}");
                if (opCode.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineSig
                    or OperandType.InlineTok or OperandType.InlineType)
                    CheckHandle(MetadataTokens.EntityHandle(BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(operand))), location);
            }
        }

        private void CheckConstraints(GenericParameterHandleCollection parameters, string location)
        {
            foreach (var parameter in parameters)
            {
                foreach (var constraint in _md.GetGenericParameter(parameter).GetConstraints())
                    CheckHandle(_md.GetGenericParameterConstraint(constraint).Type, location);
            }
        }

        private void CheckHandle(EntityHandle handle, string location)
        {
            if (handle.IsNil) return;
            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    var (ns, fullName) = TypeReferenceName(_md, (TypeReferenceHandle)handle);
                    if (_rules.Bans(ns, fullName)) Add(Violation.BannedApi, location, fullName);
                    break;
                case HandleKind.TypeSpecification:
                    CheckTypeSpecification((TypeSpecificationHandle)handle, location);
                    break;
                case HandleKind.MemberReference:
                    CheckMemberReference((MemberReferenceHandle)handle, location);
                    break;
                case HandleKind.MethodSpecification:
                    CheckMethodSpecification((MethodSpecificationHandle)handle, location);
                    break;
                case HandleKind.StandaloneSignature:
                    CheckStandaloneSignature((StandaloneSignatureHandle)handle, location);
                    break;
                default:
                    // Definitions in this assembly are checked where they are declared.
                    break;
            }
        }

        private string CheckTypeSpecification(TypeSpecificationHandle handle, string location)
        {
            var collector = new SignatureCollector();
            string type = _md.GetTypeSpecification(handle).DecodeSignature(collector, null);
            Report(collector, location, $"uses {type}");
            return type;
        }

        private void CheckMemberReference(MemberReferenceHandle handle, string location)
        {
            var member = _md.GetMemberReference(handle);
            string name = _md.GetString(member.Name);
            string parent = "";
            switch (member.Parent.Kind)
            {
                case HandleKind.TypeReference:
                    var (ns, fullName) = TypeReferenceName(_md, (TypeReferenceHandle)member.Parent);
                    if (_rules.Bans(ns, fullName, name)) Add(Violation.BannedApi, location, $"{fullName}.{name}");
                    parent = fullName;
                    break;
                case HandleKind.TypeSpecification:
                    parent = CheckTypeSpecification((TypeSpecificationHandle)member.Parent, location);
                    break;
                case HandleKind.TypeDefinition:
                    parent = TypeDefinitionName(_md, _md.GetTypeDefinition((TypeDefinitionHandle)member.Parent));
                    break;
                default:
                    break;
            }

            var collector = new SignatureCollector();
            string signature = member.GetKind() == MemberReferenceKind.Method
                ? Describe(member.DecodeMethodSignature(collector, null))
                : member.DecodeFieldSignature(collector, null);
            Report(collector, location, $"references {parent}.{name}: {signature}");
        }

        private void CheckMethodSpecification(MethodSpecificationHandle handle, string location)
        {
            var specification = _md.GetMethodSpecification(handle);
            CheckHandle(specification.Method, location);
            var collector = new SignatureCollector();
            var arguments = specification.DecodeSignature(collector, null);
            Report(collector, location, $"instantiates a generic method with <{string.Join(", ", arguments)}>");
        }

        private void CheckStandaloneSignature(StandaloneSignatureHandle handle, string location)
        {
            var signature = _md.GetStandaloneSignature(handle);
            var collector = new SignatureCollector();
            string described = signature.GetKind() == StandaloneSignatureKind.LocalVariables
                ? $"locals ({string.Join(", ", signature.DecodeLocalSignature(collector, null))})"
                : $"calli {Describe(signature.DecodeMethodSignature(collector, null))}";
            Report(collector, location, described);
        }

        private void Report(SignatureCollector collector, string location, string what)
        {
            foreach (var (ns, fullName) in collector.References)
            {
                if (_rules.Bans(ns, fullName)) Add(Violation.BannedApi, location, fullName);
            }

            if (_rules.ForbidFloatingPoint && collector.HasFloat) Add(Violation.FloatSignature, location, what);
        }

        private void Add(string rule, string location, string detail)
        {
            if (_onlyUnreported && _reported.Contains((rule, detail))) return;
            var violation = new Violation(rule, location, detail);
            if (!_seen.Add(violation)) return;
            _reported.Add((rule, detail));
            _violations.Add(violation);
        }
    }

    /// <summary>Decodes a signature to a readable type name, noting the type references and floating point in it.</summary>
    private sealed class SignatureCollector : ISignatureTypeProvider<string, object?>
    {
        public List<(string Namespace, string FullName)> References { get; } = [];

        public bool HasFloat { get; private set; }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode)
        {
            switch (typeCode)
            {
                case PrimitiveTypeCode.Single:
                    HasFloat = true;
                    return "float32";
                case PrimitiveTypeCode.Double:
                    HasFloat = true;
                    return "float64";
                default:
                    return typeCode.ToString();
            }
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var name = TypeReferenceName(reader, handle);
            References.Add(name);
            if (name.FullName is "System.Single" or "System.Double" or "System.Decimal" or "System.Half") HasFloat = true;
            return name.FullName;
        }

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            TypeDefinitionName(reader, reader.GetTypeDefinition(handle));

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
            $"{genericType}<{string.Join(", ", typeArguments)}>";

        public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{new string(',', shape.Rank - 1)}]";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType + " pinned";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature) =>
            $"delegate*<{string.Join(", ", signature.ParameterTypes.Append(signature.ReturnType))}>";

        public string GetGenericMethodParameter(object? genericContext, int index) => $"!!{index}";

        public string GetGenericTypeParameter(object? genericContext, int index) => $"!{index}";
    }
}
