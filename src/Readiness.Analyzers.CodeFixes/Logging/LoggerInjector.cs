using Microsoft.CodeAnalysis.Formatting;

namespace Readiness.Analyzers.CodeFixes.Logging;

/// <summary>Adds <c>ILogger&lt;TClass&gt;</c> to a class, following its constructor style.</summary>
internal static class LoggerInjector
{
    private const string ParameterName = "logger";

    public static ClassDeclarationSyntax Inject(ClassDeclarationSyntax declaration, LoggerInjection injection)
    {
        var loggerType = SyntaxFactory.ParseTypeName("ILogger<" + injection.ClassName + ">");
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(ParameterName)).WithType(loggerType);

        if (injection.Style == InjectionStyle.PrimaryConstructorParameter && declaration.ParameterList is { } primary)
        {
            return declaration.WithParameterList(primary.AddParameters(parameter));
        }

        var assignment = SyntaxFactory.ParseStatement(
            (injection.MemberName == ParameterName ? "this." : string.Empty) + injection.MemberName + " = " + ParameterName + ";")
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
            .WithAdditionalAnnotations(Formatter.Annotation);

        var members = declaration.Members;
        if (injection.Style == InjectionStyle.ParameterOnExistingConstructor)
        {
            var constructor = members.OfType<ConstructorDeclarationSyntax>().First(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword));
            var updated = constructor
                .WithParameterList(constructor.ParameterList.AddParameters(parameter))
                .WithBody(constructor.Body!.WithStatements(constructor.Body.Statements.Insert(0, assignment)));
            members = members.Replace(constructor, updated);
        }

        var field = SyntaxFactory.FieldDeclaration(
                SyntaxFactory.VariableDeclaration(loggerType)
                    .AddVariables(SyntaxFactory.VariableDeclarator(injection.MemberName)))
            .AddModifiers(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var fieldIndex = LastIndexOf<FieldDeclarationSyntax>(members) + 1;
        members = members.Insert(fieldIndex, field);

        if (injection.Style == InjectionStyle.NewConstructor)
        {
            var constructor = SyntaxFactory.ConstructorDeclaration(injection.ClassName)
                .AddModifiers(SyntaxFactory.Token(SyntaxKind.PublicKeyword))
                .AddParameterListParameters(parameter)
                .WithBody(SyntaxFactory.Block(assignment))
                .WithAdditionalAnnotations(Formatter.Annotation);
            members = members.Insert(fieldIndex + 1, constructor);
        }

        return declaration.WithMembers(members);
    }

    private static int LastIndexOf<T>(SyntaxList<MemberDeclarationSyntax> members)
        where T : MemberDeclarationSyntax
    {
        for (var i = members.Count - 1; i >= 0; i--)
        {
            if (members[i] is T)
            {
                return i;
            }
        }

        return -1;
    }
}
