package dev.ecabot.eca;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcaMetadataWriterTest {

    @Test
    void aDeployPackageHasPackageXmlAndOneFileInEachTypesFolder() {
        MetadataPackage pkg = new EcaMetadataWriter().write(SampleSpecs.minimal());

        assertThat(pkg.paths()).containsExactlyInAnyOrder(
                "package.xml",
                "externalClientApps/Minimal_App.eca",
                "extlClntAppGlobalOauthSets/Minimal_App_glbloauth.ecaGlblOauth",
                "extlClntAppOauthSettings/Minimal_App_oauth.ecaOauth",
                "extlClntAppOauthPolicies/Minimal_App_oauthPlcy.ecaOauthPlcy",
                "extlClntAppPolicies/Minimal_App_plcy.ecaPlcy");
    }

    @Test
    void packageXmlNamesEveryComponentAtTheChosenApiVersion() {
        String packageXml = new EcaMetadataWriter("65.0", MetadataFormat.METADATA_API)
                .write(SampleSpecs.minimal()).text("package.xml");

        assertThat(packageXml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Package xmlns="http://soap.sforce.com/2006/04/metadata">
                    <types>
                        <members>Minimal_App</members>
                        <name>ExternalClientApplication</name>
                    </types>
                    <types>
                        <members>Minimal_App_plcy</members>
                        <name>ExtlClntAppConfigurablePolicies</name>
                    </types>
                    <types>
                        <members>Minimal_App_glbloauth</members>
                        <name>ExtlClntAppGlobalOauthSettings</name>
                    </types>
                    <types>
                        <members>Minimal_App_oauthPlcy</members>
                        <name>ExtlClntAppOauthConfigurablePolicies</name>
                    </types>
                    <types>
                        <members>Minimal_App_oauth</members>
                        <name>ExtlClntAppOauthSettings</name>
                    </types>
                    <version>65.0</version>
                </Package>
                """);
    }

    @Test
    void theDefaultApiVersionIs68WinterTwentySeven() {
        assertThat(new EcaMetadataWriter().write(SampleSpecs.minimal()).text("package.xml"))
                .contains("<version>68.0</version>");
    }

    @Test
    void globalSettingsAreWrittenLikeARetrievedFileWithElementsInAlphabeticalOrder() {
        String xml = new EcaMetadataWriter().write(SampleSpecs.clientCredentials())
                .text("extlClntAppGlobalOauthSets/Service_Board_Sync_glbloauth.ecaGlblOauth");

        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ExtlClntAppGlobalOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">
                    <callbackUrl>https://tenant.example.com/oauth</callbackUrl>
                    <externalClientApplication>Service_Board_Sync</externalClientApplication>
                    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
                    <isCodeCredFlowEnabled>false</isCodeCredFlowEnabled>
                    <isCodeCredPostOnly>false</isCodeCredPostOnly>
                    <isConsumerSecretOptional>false</isConsumerSecretOptional>
                    <isDeviceFlowEnabled>false</isDeviceFlowEnabled>
                    <isIntrospectAllTokens>false</isIntrospectAllTokens>
                    <isNamedUserJwtEnabled>false</isNamedUserJwtEnabled>
                    <isPkceRequired>false</isPkceRequired>
                    <isRefreshTokenRotationEnabled>false</isRefreshTokenRotationEnabled>
                    <isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>
                    <isSecretRequiredForTokenExchange>false</isSecretRequiredForTokenExchange>
                    <isTokenExchangeEnabled>false</isTokenExchangeEnabled>
                    <label>Service_Board_Sync_glbloauth</label>
                    <shouldRotateConsumerKey>false</shouldRotateConsumerKey>
                    <shouldRotateConsumerSecret>false</shouldRotateConsumerSecret>
                </ExtlClntAppGlobalOauthSettings>
                """);
    }

    @Test
    void policiesCarryTheRunAsUserAndEveryPolicyToken() {
        String xml = new EcaMetadataWriter().write(SampleSpecs.clientCredentials())
                .text("extlClntAppOauthPolicies/Service_Board_Sync_oauthPlcy.ecaOauthPlcy");

        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ExtlClntAppOauthConfigurablePolicies xmlns="http://soap.sforce.com/2006/04/metadata">
                    <clientCredentialsFlowUser>sync@example.com</clientCredentialsFlowUser>
                    <externalClientApplication>Service_Board_Sync</externalClientApplication>
                    <ipRelaxationPolicyType>Bypass</ipRelaxationPolicyType>
                    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
                    <isTokenExchangeFlowEnabled>false</isTokenExchangeFlowEnabled>
                    <label>Service_Board_Sync_oauthPlcy</label>
                    <permittedUsersPolicyType>AllSelfAuthorized</permittedUsersPolicyType>
                    <refreshTokenPolicyType>SpecificLifetime</refreshTokenPolicyType>
                    <refreshTokenValidityPeriod>365</refreshTokenValidityPeriod>
                    <refreshTokenValidityUnit>Days</refreshTokenValidityUnit>
                    <requiredSessionLevel>STANDARD</requiredSessionLevel>
                </ExtlClntAppOauthConfigurablePolicies>
                """);
    }

    @Test
    void severalCallbackUrlsGoIntoOneElementOnePerLine() {
        String xml = new EcaMetadataWriter().write(SampleSpecs.mcpWithHardening())
                .text("extlClntAppGlobalOauthSets/Hosted_MCP_Client_glbloauth.ecaGlblOauth");

        assertThat(xml).contains("    <callbackUrl>https://claude.ai/api/mcp/auth_callback\n"
                + "cursor://anysphere.cursor-mcp/oauth/callback\n"
                + "http://localhost:8675/callback</callbackUrl>\n");
    }

    @Test
    void scopesTrustedIpRangesAndTextNeedingEscapesAreWrittenAsSalesforceExpects() {
        MetadataPackage pkg = new EcaMetadataWriter().write(SampleSpecs.mcpWithHardening());

        assertThat(pkg.text("extlClntAppOauthSettings/Hosted_MCP_Client_oauth.ecaOauth")).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ExtlClntAppOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">
                    <commaSeparatedOauthScopes>MCP, RefreshToken</commaSeparatedOauthScopes>
                    <externalClientApplication>Hosted_MCP_Client</externalClientApplication>
                    <label>Hosted_MCP_Client_oauth</label>
                    <singleLogoutUrl>https://mcp.example.com/logout</singleLogoutUrl>
                    <trustedIpRanges>
                        <description>Anthropic egress</description>
                        <endIpAddress>160.79.104.255</endIpAddress>
                        <startIpAddress>160.79.104.0</startIpAddress>
                    </trustedIpRanges>
                    <trustedIpRanges>
                        <endIpAddress>10.0.0.1</endIpAddress>
                        <startIpAddress>10.0.0.1</startIpAddress>
                    </trustedIpRanges>
                </ExtlClntAppOauthSettings>
                """);
        assertThat(pkg.text("externalClientApps/Hosted_MCP_Client.eca"))
                .contains("<description>MCP servers for Claude &amp; Cursor &lt;internal&gt;</description>")
                .contains("<contactPhone>+31 20 555 0100</contactPhone>")
                .contains("<logoUrl>https://cdn.example.com/logo.png</logoUrl>")
                .contains("<iconUrl>https://cdn.example.com/icon.png</iconUrl>");
        assertThat(pkg.text("extlClntAppOauthPolicies/Hosted_MCP_Client_oauthPlcy.ecaOauthPlcy"))
                .contains("<commaSeparatedPermissionSet>MCP_Users,MCP_Admins</commaSeparatedPermissionSet>")
                .contains("<commaSeparatedProfile>System Administrator</commaSeparatedProfile>")
                .contains("<refreshTokenValidityPeriod>30</refreshTokenValidityPeriod>")
                .contains("<refreshTokenValidityUnit>Days</refreshTokenValidityUnit>");
    }

    @Test
    void credentialsAndOrgGeneratedIdsAreNeverWritten() {
        for (EcaSpec spec : SampleSpecs.all()) {
            MetadataPackage pkg = new EcaMetadataWriter().write(spec);
            for (String path : pkg.paths()) {
                assertThat(pkg.text(path)).doesNotContain("consumerKey", "consumerSecret", "oauthLink",
                        "orgScopedExternalApp", "<shouldRotateConsumerKey>true");
            }
        }
    }

    @Test
    void sourceFormatUsesMetaXmlNamesAndNoPackageXml() {
        MetadataPackage pkg = new EcaMetadataWriter("68.0", MetadataFormat.SOURCE).write(SampleSpecs.minimal());

        assertThat(pkg.paths()).contains("externalClientApps/Minimal_App.eca-meta.xml",
                "extlClntAppGlobalOauthSets/Minimal_App_glbloauth.ecaGlblOauth-meta.xml").doesNotContain("package.xml");
    }

    @Test
    void theZipHoldsTheSameFilesWithPackageXmlAtItsRoot(@TempDir Path dir) throws IOException {
        EcaMetadataWriter writer = new EcaMetadataWriter();
        MetadataPackage pkg = writer.write(SampleSpecs.minimal());
        Path zipFile = dir.resolve("out/minimal.zip");

        writer.writeZip(SampleSpecs.minimal(), zipFile);

        byte[] zip = Files.readAllBytes(zipFile);
        assertThat(zipEntries(zip)).containsExactlyInAnyOrderElementsOf(pkg.paths()).contains("package.xml");
        assertThat(zip).isEqualTo(writer.writeZip(SampleSpecs.minimal())); // reproducible
        assertThat(MetadataPackage.fromZip(zip).text("package.xml")).isEqualTo(pkg.text("package.xml"));
    }

    @Test
    void aFolderIsWrittenWithTheSameLayout(@TempDir Path dir) {
        new EcaMetadataWriter().writeFolder(SampleSpecs.minimal(), dir.resolve("deploy"));

        assertThat(dir.resolve("deploy/package.xml")).exists();
        assertThat(dir.resolve("deploy/externalClientApps/Minimal_App.eca")).exists();
        assertThat(dir.resolve("deploy/extlClntAppPolicies/Minimal_App_plcy.ecaPlcy")).exists();
    }

    @Test
    void aFolderWithOtherFilesIsRefusedSoNothingStaleGetsDeployed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("leftover.txt"), "old");

        assertThatThrownBy(() -> new EcaMetadataWriter().writeFolder(SampleSpecs.minimal(), dir))
                .hasMessageContaining("is not empty").hasMessageContaining("new or empty directory");
    }

    @Test
    void theDeletionPackageIsAnEmptyPackageXmlWithDestructiveChangesForTheAppAndItsCompanions() {
        MetadataPackage pkg = new EcaMetadataWriter().deletion("Old_App");

        assertThat(pkg.paths()).containsExactly("destructiveChanges.xml", "package.xml");
        assertThat(pkg.text("package.xml")).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Package xmlns="http://soap.sforce.com/2006/04/metadata">
                    <version>68.0</version>
                </Package>
                """);
        assertThat(pkg.text("destructiveChanges.xml"))
                .contains("<members>Old_App</members>\n        <name>ExternalClientApplication</name>")
                .contains("<members>Old_App_glbloauth</members>\n        <name>ExtlClntAppGlobalOauthSettings</name>")
                .contains("<members>Old_App_oauth</members>\n        <name>ExtlClntAppOauthSettings</name>")
                .contains("<members>Old_App_oauthPlcy</members>\n        <name>ExtlClntAppOauthConfigurablePolicies</name>")
                .contains("<members>Old_App_plcy</members>\n        <name>ExtlClntAppConfigurablePolicies</name>")
                .doesNotContain("<version>");
    }

    @Test
    void anUnusableApiVersionIsRefusedWithTheFormatToUse() {
        assertThatThrownBy(() -> new EcaMetadataWriter("v66", MetadataFormat.METADATA_API))
                .hasMessageContaining("'v66'").hasMessageContaining("68.0");
        assertThatThrownBy(() -> new EcaMetadataWriter("58.0", MetadataFormat.METADATA_API))
                .hasMessageContaining("60.0 or later");
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) names.add(e.getName());
        }
        return names;
    }
}
