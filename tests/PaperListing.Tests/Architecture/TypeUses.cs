using System.Reflection;
using System.Reflection.Emit;

namespace PaperListing.Tests.Architecture;

/// <summary>
/// Every type a compiled type uses: in its signatures (base type, interfaces, fields, properties, methods), in its
/// methods' local variables, and in the members its IL calls, reads or creates. Compiler-made types (async state
/// machines, closures) are nested in the type they serve, so their uses count as its own.
/// </summary>
public static class TypeUses
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The full names of the types <paramref name="type"/> uses, generic arguments and element types included.</summary>
    public static IReadOnlySet<string> Of(Type type)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !used.Add(t.FullName ?? t.Name))
            {
                return;
            }
            Add(t.HasElementType ? t.GetElementType() : null);
            foreach (var argument in t.IsGenericType ? t.GetGenericArguments() : [])
            {
                Add(argument);
            }
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
        }
        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            Add((method as MethodInfo)?.ReturnType);
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }
            foreach (var member in BodyUses(method))
            {
                Add(member as Type ?? member.DeclaringType);
                Add((member as MethodInfo)?.ReturnType ?? (member as FieldInfo)?.FieldType);
            }
        }
        return used;
    }

    /// <summary>The local variables' types and the members named by the method's IL.</summary>
    private static IEnumerable<MemberInfo> BodyUses(MethodBase method)
    {
        if (method.GetMethodBody() is not { } body)
        {
            yield break;
        }
        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType?.GetGenericArguments();
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = OpCodesByValue[il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at]];
            at += code.Size;
            var operand = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                yield return method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!;
            }
            at += operand;
        }
    }
}
