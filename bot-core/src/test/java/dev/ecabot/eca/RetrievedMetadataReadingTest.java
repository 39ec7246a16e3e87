package dev.ecabot.eca;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads files shaped like real Salesforce retrieves (src/test/resources/eca/retrieved) and checks every setting. */
class RetrievedMetadataReadingTest {

    private final EcaMetadataReader reader = new EcaMetadataReader();

    @Test
    void jwtBearerAppFromAnSfProjectIsReadWithItsCertificateAndConsumerKey() {
        RetrievedEca read = only(reader.readFolder(resource("jwt-bearer")));
        EcaSpec spec = read.spec();

        assertThat(spec.app()).isEqualTo(new AppInfo("Harbor_Reservations_API", "Harbor_Reservations_API",
                "integrations@harbor.example.org", null,
                "Harbor→Salesforce reservations sync over the JWT bearer flow", DistributionState.LOCAL, null, null));
        GlobalOauthSettings g = spec.globalOauth();
        assertThat(g.callbackUrls()).containsExactly("https://harbor-dev-ed.develop.my.salesforce.com/services/oauth2/success");
        assertThat(g.certificate()).startsWith("MIIDVTCCAj2gAwIBAgIUKHZjahm345NrKygxmWbdqacpdRcwDQYJKoZIhvcNAQEL\n")
                .endsWith("\n4HnrOMbZV1gDVa31eYKp088q8McAc/nwpBvLECUwX3j7YpXCFRDf4WM=");
        assertThat(g.certificate().lines()).hasSize(18);
        assertThat(g.jwtBearerEnabled()).isTrue();
        assertThat(g).usingRecursiveComparison().ignoringFields("callbackUrls", "certificate").isEqualTo(
                GlobalOauthSettings.builder().pkceRequired(true).consumerSecretOptional(true)
                        .secretRequiredForRefreshToken(false).refreshTokenRotationEnabled(true)
                        .secretRequiredForTokenExchange(true).build());
        assertThat(read.consumerKey()).contains(
                "3MVG9TESTKEYHARBOR0000.RESERVATIONS_0000TESTKEY0000TESTKEY0000.TESTKEY0000TESTKEY");

        assertThat(spec.oauth()).isEqualTo(new OauthSettings(List.of(OauthScope.API, OauthScope.REFRESH_TOKEN), List.of(), null));
        assertThat(spec.policies()).isEqualTo(OauthPolicies.builder()
                .permittedUsers(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED)
                .permissionSets("Harbor_Integration_User")
                .ipRelaxation(IpRelaxation.ENFORCE)
                .refreshToken(RefreshTokenPolicy.SPECIFIC_INACTIVITY, 14, RefreshTokenValidityUnit.DAYS)
                .requiredSessionLevel(SessionLevel.STANDARD)
                .build());
    }

    @Test
    void metadataApiRetrieveWithPackageXmlIsRead() {
        RetrievedEca read = only(reader.readFolder(resource("ci-pipeline")));
        EcaSpec spec = read.spec();

        assertThat(spec.app()).isEqualTo(new AppInfo("ACME_Build_Bot", "Build_Bot", "release-team@acme.example.com",
                null, "Build pipeline deployments", DistributionState.LOCAL, null, null));
        assertThat(spec.globalOauth().callbackUrls()).containsExactly("http://localhost:1717/OauthRedirect");
        assertThat(spec.globalOauth().certificate()).startsWith("MIIDTTCCAjWgAwIBAgIUVp0JmLeZxGWsSB0yiSIJ3tvKwkIw")
                .endsWith("ij9hTNk+ZLg9xsK46Smwod3mumZXfOCuk0v5GS8/cb0c");
        assertThat(spec.globalOauth()).usingRecursiveComparison().ignoringFields("callbackUrls", "certificate")
                .isEqualTo(GlobalOauthSettings.builder().pkceRequired(false).namedUserJwtEnabled(true)
                        .secretRequiredForTokenExchange(true).build());
        assertThat(read.consumerKey()).contains("3MVG9TESTKEYACME_BUILD0000TESTKEY0000TESTKE_Y0000TESTKEY0000TESTKEY");
        assertThat(spec.oauth().scopes()).containsExactly(OauthScope.API, OauthScope.WEB, OauthScope.REFRESH_TOKEN);
        assertThat(spec.policies()).isEqualTo(OauthPolicies.builder()
                .refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 180, RefreshTokenValidityUnit.DAYS).build());
    }

    @Test
    void companionsWithFreeFileNamesAreMatchedByTheirApp() {
        RetrievedEca read = only(reader.readFolder(resource("free-names")));
        EcaSpec spec = read.spec();

        assertThat(spec.app()).isEqualTo(new AppInfo("partnerPortal", "partnerPortal", "portal-admins@example.net", null,
                "Partner portal sign-in created through the Metadata API", DistributionState.LOCAL, null, null));
        assertThat(spec.globalOauth()).isEqualTo(GlobalOauthSettings.builder()
                .callbackUrls("https://portal.example.net/oidc/callback").pkceRequired(false).build());
        assertThat(read.consumerKey()).contains("3MVG9TESTKEYPORTAL0000TESTKEY0000TESTKEY0000TE.STKEY0000TESTKEY0.000TESTKEY");
        assertThat(spec.oauth().scopes()).containsExactly(OauthScope.API, OauthScope.WEB, OauthScope.OPEN_ID);
        assertThat(spec.policies()).isEqualTo(OauthPolicies.builder()
                .refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 90, RefreshTokenValidityUnit.DAYS).build());
    }

    @Test
    void missingGlobalSettingsAndPoliciesMeanSalesforceDefaults() {
        RetrievedEca read = only(reader.readFolder(resource("mcp-scopes-only")));

        assertThat(read.spec().app()).isEqualTo(AppInfo.local("Desk_Assistant_MCP", "Desk Assistant MCP", "it-desk@example.com"));
        assertThat(read.spec().oauth().scopes()).containsExactly(OauthScope.REFRESH_TOKEN, OauthScope.MCP);
        assertThat(read.spec().globalOauth()).isEqualTo(GlobalOauthSettings.builder().build());
        assertThat(read.spec().policies()).isEqualTo(OauthPolicies.defaults());
        assertThat(read.consumerKey()).isEmpty();
    }

    @Test
    void aPackagedAppHeaderAloneIsRead() {
        RetrievedEca read = only(reader.readFolder(resource("packaged-header-only")));

        assertThat(read.spec().app()).isEqualTo(new AppInfo("Schema_Sync_Packaged", "Schema Sync Packaged",
                "isv-support@example.io", null, null, DistributionState.PACKAGED, null, null));
        assertThat(read.spec().oauth().scopes()).isEmpty();
    }

    @Test
    void clientCredentialsAppWithCommentsAndUnmodelledElementsIsRead() {
        RetrievedEca read = only(reader.readFolder(resource("client-credentials")));
        EcaSpec spec = read.spec();

        assertThat(spec.app()).isEqualTo(AppInfo.local("Contract_Flow_Sync", "Contract Flow Sync Integration",
                "contracts-ops@example.com"));
        assertThat(spec.globalOauth()).isEqualTo(GlobalOauthSettings.builder()
                .callbackUrls("https://flows.contracts.example.com/automation/edit/123456789")
                .pkceRequired(false).clientCredentialsFlowEnabled(true).refreshTokenRotationEnabled(true)
                .secretRequiredForTokenExchange(true).build());
        assertThat(spec.oauth().scopes()).containsExactly(OauthScope.API);
        assertThat(spec.policies()).isEqualTo(OauthPolicies.builder()
                .clientCredentialsFlowEnabled(true)
                .clientCredentialsFlowUser("contract.flow.sync+00d9x000000test@contracts.example.com")
                .permissionSets("Contract_Flow_Integration")
                .ipRelaxation(IpRelaxation.BYPASS)
                .permittedUsers(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED)
                .refreshTokenPolicy(RefreshTokenPolicy.ZERO)
                .refreshTokenValidityPeriod(0)
                .build());
        assertThat(read.consumerKey()).contains("3MVG9TESTKEY.CONTRACT.FLOW0000TESTKEY0000TESTKEY_0000TESTKEY0000TESTKEY");
    }

    @Test
    void severalRetrievesInOneFolderGiveEveryAppSortedByName() {
        List<RetrievedEca> all = reader.readFolder(resource(""));

        assertThat(all).extracting(r -> r.spec().apiName()).containsExactly("ACME_Build_Bot", "Contract_Flow_Sync",
                "Desk_Assistant_MCP", "Harbor_Reservations_API", "Schema_Sync_Packaged", "partnerPortal");
    }

    @Test
    void aRetrieveZipIsReadLikeTheFolder() {
        byte[] zip = MetadataPackage.fromDirectory(resource("ci-pipeline")).toZip();

        assertThat(reader.readZip(zip)).isEqualTo(reader.readFolder(resource("ci-pipeline")));
    }

    private static RetrievedEca only(List<RetrievedEca> apps) {
        assertThat(apps).hasSize(1);
        return apps.get(0);
    }

    static Path resource(String retrievedCase) {
        try {
            return Path.of(RetrievedMetadataReadingTest.class.getResource("/eca/retrieved/" + retrievedCase).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
