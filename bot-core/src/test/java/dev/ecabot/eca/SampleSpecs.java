package dev.ecabot.eca;

import java.util.List;

/** Specs used across the metadata tests: each exercises a different corner of the settings. */
final class SampleSpecs {

    /** A real self-signed test certificate, as retrieved files hold it (base64 body, no PEM header). */
    static final String CERTIFICATE = """
            MIIDTTCCAjWgAwIBAgIUVp0JmLeZxGWsSB0yiSIJ3tvKwkIwDQYJKoZIhvcNAQEL
            BQAwNjEQMA4GA1UEAwwHY2ktdGVzdDEVMBMGA1UECgwMRWNhQm90IFRlc3RzMQsw
            CQYDVQQGEwJOTDAeFw0yNjExMjIxNDI3MzFaFw0zNjExMTkxNDI3MzFaMDYxEDAO
            BgNVBAMMB2NpLXRlc3QxFTATBgNVBAoMDEVjYUJvdCBUZXN0czELMAkGA1UEBhMC
            TkwwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCxF7VdK/yLZaOBBsGF
            T76DfeY3RTutFH2D+YkBRV4090sHpq2ug8MJz7sHC7xKil/BH8wB5kA9NTE3IEHI
            qw5Z3di/S+1wjoSckeOtUFNohp5V3mT12ULXF+YzyJ5zgclyTJs5qUZhw+LCGDyw
            JKbwoYQiPdb4PuvFjJCQKDcQ4Hh4/+eVfTumVy0EiVDTzYUaci1Ce2LiLwJdL0eW
            QZqaFIH9ltZjmy71t5DFag+jlLmOTZwD9FJLvXARZdb+xSPnsAjyqvChhxukVtUY
            ygyfNOTfWP+6jdlGUcz66goz5szjTQWSa1FMQ207stnW1B5rQpFjAw8KeNS7uzrv
            yInRAgMBAAGjUzBRMB0GA1UdDgQWBBTM+azTC0WPWdjzBZQvWDHz3eZ2RTAfBgNV
            HSMEGDAWgBTM+azTC0WPWdjzBZQvWDHz3eZ2RTAPBgNVHRMBAf8EBTADAQH/MA0G
            CSqGSIb3DQEBCwUAA4IBAQAiwn424vmfqtesyV/E18gA83M7K99ssocTBCLpmE1U
            jLm66zEvWXPm6VRsZ0fLSEHAL4x4ELooVW1M/tOywEkU8dUYmvfoqFOFkzR4R1CH
            HS42ozCuQ8XRP3e7FTrXM6UAICkxRHz4zesTE3kEi2bwrL32Fhxh2KlK9vN2jbS3
            zEmTqk96dL1dGxaFon6HtPgXHlk3grbZotqH62fHEgHpRhmcbMpg0UrnD5UEfQey
            3uL0HdTia+5EWbioy1WlgHB2PwNsNFm27NHBywtVBTqg6+ddNOnRtXgqeAox9kvT
            ij9hTNk+ZLg9xsK46Smwod3mumZXfOCuk0v5GS8/cb0c""";

    private SampleSpecs() {
    }

    /** Only what Salesforce requires; every other setting at its default. */
    static EcaSpec minimal() {
        return new EcaSpec(AppInfo.local("Minimal_App", "Minimal App", "owner@example.com"),
                GlobalOauthSettings.defaults(List.of("https://minimal.example.com/callback")),
                OauthSettings.of(List.of(OauthScope.API)),
                OauthPolicies.defaults());
    }

    /** An MCP client app with several callbacks, trusted IP ranges, single logout and pre-authorised users. */
    static EcaSpec mcpWithHardening() {
        return new EcaSpec(
                new AppInfo("Hosted_MCP_Client", "Hosted MCP Client", "mcp-admins@example.com", "+31 20 555 0100",
                        "MCP servers for Claude & Cursor <internal>", DistributionState.LOCAL,
                        "https://cdn.example.com/logo.png", "https://cdn.example.com/icon.png"),
                GlobalOauthSettings.builder()
                        .callbackUrls("https://claude.ai/api/mcp/auth_callback", "cursor://anysphere.cursor-mcp/oauth/callback",
                                "http://localhost:8675/callback")
                        .secretRequiredForWebServerFlow(false).secretRequiredForRefreshToken(false)
                        .namedUserJwtEnabled(true).refreshTokenRotationEnabled(true).build(),
                new OauthSettings(List.of(OauthScope.MCP, OauthScope.REFRESH_TOKEN),
                        List.of(new TrustedIpRange("160.79.104.0", "160.79.104.255", "Anthropic egress"),
                                new TrustedIpRange("10.0.0.1", "10.0.0.1", null)),
                        "https://mcp.example.com/logout"),
                OauthPolicies.builder()
                        .permittedUsers(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED)
                        .permissionSets("MCP_Users", "MCP_Admins")
                        .profiles("System Administrator")
                        .refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 30, RefreshTokenValidityUnit.DAYS)
                        .build());
    }

    /** Server-to-server: client credentials in both places with a run-as user, IP relaxation bypassed. */
    static EcaSpec clientCredentials() {
        return new EcaSpec(AppInfo.local("Service_Board_Sync", "Service Board Sync", "ops@example.com"),
                GlobalOauthSettings.builder().callbackUrls("https://tenant.example.com/oauth")
                        .pkceRequired(false).clientCredentialsFlowEnabled(true).build(),
                OauthSettings.of(List.of(OauthScope.BASIC, OauthScope.API)),
                OauthPolicies.builder().clientCredentialsFlowEnabled(true).clientCredentialsFlowUser("sync@example.com")
                        .ipRelaxation(IpRelaxation.BYPASS).build());
    }

    /** JWT bearer with a certificate, every remaining checkbox and policy field set away from its default. */
    static EcaSpec everythingSet() {
        return new EcaSpec(
                new AppInfo("Everything_Set", "Everything Set", "all@example.com", null, null,
                        DistributionState.PACKAGED, null, null),
                GlobalOauthSettings.builder().callbackUrls("https://all.example.com/cb").certificate(CERTIFICATE)
                        .pkceRequired(false).consumerSecretOptional(true).secretRequiredForRefreshToken(false)
                        .refreshTokenRotationEnabled(true).namedUserJwtEnabled(true).clientCredentialsFlowEnabled(true)
                        .codeCredFlowEnabled(true).codeCredPostOnly(true).deviceFlowEnabled(true)
                        .tokenExchangeEnabled(true).secretRequiredForTokenExchange(true).introspectAllTokens(true).build(),
                new OauthSettings(List.of(OauthScope.FULL, OauthScope.OPEN_ID, OauthScope.CUSTOM_PERMISSIONS,
                        OauthScope.CHATTER), List.of(), null),
                OauthPolicies.builder().clientCredentialsFlowEnabled(true).clientCredentialsFlowUser("runner@example.com")
                        .ipRelaxation(IpRelaxation.ENFORCE_RELAX_REFRESH)
                        .refreshToken(RefreshTokenPolicy.SPECIFIC_INACTIVITY, 12, RefreshTokenValidityUnit.HOURS)
                        .requiredSessionLevel(SessionLevel.HIGH_ASSURANCE).policyAction(PolicyAction.RAISE_SESSION_LEVEL)
                        .sessionTimeoutInMinutes(90).singleLogoutUrl("https://all.example.com/slo")
                        .startUrl("https://all.example.com/start").tokenExchangeFlowEnabled(true)
                        .customScopes("orders_read", "orders_write").build());
    }

    static List<EcaSpec> all() {
        return List.of(minimal(), mcpWithHardening(), clientCredentials(), everythingSet());
    }
}
