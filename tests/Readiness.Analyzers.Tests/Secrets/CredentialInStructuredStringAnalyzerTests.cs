using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

[Trait("Rule", "RDY1003")]
public class CredentialInStructuredStringAnalyzerTests
{
    [Fact]
    public async Task Reports_passwords_in_connection_strings()
    {
        const string source = """
            public static class ConnectionStrings
            {
                public const string SqlServer = {|RDY1003:"Server=tcp:prod.database.windows.net;Database=orders;User ID=app;Password=Xk29!mQz;Encrypt=True"|};
                public const string Postgres = {|RDY1003:"Host=db;Port=5432;Database=app;Username=app;Password=postgres"|};
                public const string MySql = {|RDY1003:"server=mysql;uid=root;pwd='r00t!pw';database=shop"|};
                public const string Redis = {|RDY1003:"redis.internal:6379,password=R3d1sPass,ssl=True,abortConnect=False"|};
                public static string Verbatim => {|RDY1003:@"Data Source=.\SQLEXPRESS;Initial Catalog=Shop;User Id=sa;Password=""Quoted1!"";"|};
            }
            """;
        await new ReadinessTest<CredentialInStructuredStringAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_credentials_in_uris_headers_and_sql()
    {
        var basic = System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("svc-reports:W1nter!2024"));
        var bearer = FakeTokens.Random("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 40, 77);
        var source = $$"""
            public static class Endpoints
            {
                public const string Rabbit = {|RDY1003:"amqp://orders:Rabb1tPw@rabbitmq:5672/vhost"|};
                public const string Mongo = {|RDY1003:"mongodb://admin:m0ng0Secret@mongo-0.internal:27017/app?authSource=admin"|};
                public const string Basic = {|RDY1003:"Basic {{basic}}"|};
                public const string Bearer = {|RDY1003:"Authorization: Bearer {{bearer}}"|};
                public const string CreateLogin = {|RDY1003:"CREATE LOGIN reporting WITH PASSWORD = 'Rep0rt!ng2024', CHECK_POLICY = OFF"|};
                public const string PgUser = {|RDY1003:"CREATE USER app WITH PASSWORD 'app-pw-123'"|};
            }
            """;
        await new ReadinessTest<CredentialInStructuredStringAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Message_shows_the_kind_and_only_the_length()
    {
        const string source = """
            public static class Db
            {
                public const string Main = {|#0:"Host=db;Username=app;Password=postgres"|};
            }
            """;
        await new ReadinessTest<CredentialInStructuredStringAnalyzer>()
            .WithSource(source)
            .Expect(new DiagnosticResult(Descriptors.RDY1003_CredentialInStructuredString).WithLocation(0)
                .WithArguments("a password in a connection string", "8 chars"))
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_connection_strings_without_a_literal_credential()
    {
        const string source = """
            public static class Safe
            {
                public const string Integrated = "Server=.;Database=app;Trusted_Connection=True;TrustServerCertificate=True";
                public const string Managed = "Server=tcp:x.database.windows.net;Database=app;Authentication=Active Directory Default";
                public const string Empty = "Host=db;Username=app;Password=";
                public const string Format = "Host=db;Username=app;Password={0}";
                public const string Variable = "Host=db;Username=app;Password=${DB_PASSWORD}";
                public const string Mask = "Host=db;Username=app;Password=*****";
                public const string Angle = "Host=db;Username=app;Password=<password>";
                public const string Word = "Server=db;User Id=sa;Password=password";
                public const string Uri = "https://api.example.com/v1/orders?page=2";
                public const string UriUser = "ssh://git@github.com/org/repo.git";
                public const string Email = "mailto:support@example.com";
                public const string BearerPrefix = "Bearer ";
                public const string BearerPlaceholder = "Bearer <token>";
                public const string BasicNotBase64 = "Basic realm=\"api\", charset=\"UTF-8\"";
                public const string Message = "The password must contain at least 12 characters";
                public const string Sql = "SELECT * FROM Users WHERE PasswordHash = @hash";
                public const string Proc = "ALTER LOGIN app WITH PASSWORD = @newPassword";
            }
            """;
        await new ReadinessTest<CredentialInStructuredStringAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_interpolated_holes()
    {
        const string source = """
            public class Builder
            {
                public string Build(string host, string password) => $"Host={host};Username=app;Password={password}";
                public string Uri(string user, string password) => $"amqp://{user}:{password}@rabbit:5672";
            }
            """;
        await new ReadinessTest<CredentialInStructuredStringAnalyzer>().WithSource(source).RunAsync();
    }
}
