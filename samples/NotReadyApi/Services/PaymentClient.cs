namespace NotReadyApi.Services;

public sealed class PaymentClient
{
    // RDY1002: a secret-named constant holding a key.
    private const string ApiKey = "k7Qp2Zr9Lm4Xw8Tb";

    // RDY1003: a password inside a connection string.
    private const string ReportingDb = "Host=db;Database=orders;Username=reporting;Password=Rep0rting!";

    // RDY1001: a signed JWT (a provider-format token) in a literal.
    private const string ServiceToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.pOnC1-4EakoKm5b-OAYGSTWjRlLK6sNdVU72lZ_o2-Y";

    public int ConfiguredSecretCount => new[] { ApiKey, ReportingDb, ServiceToken }.Count(s => s.Length > 0);
}
