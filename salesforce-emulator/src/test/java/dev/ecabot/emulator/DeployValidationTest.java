package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The org refuses, with component failures and without changing anything, what Salesforce refuses. */
class DeployValidationTest {

    private static final String APP = "externalClientApps/Acme_Sync.eca";
    private static final String GLOBAL = "extlClntAppGlobalOauthSets/Acme_Sync_glbloauth.ecaGlblOauth";
    private static final String OAUTH = "extlClntAppOauthSettings/Acme_Sync_oauth.ecaOauth";
    private static final String POLICIES = "extlClntAppOauthPolicies/Acme_Sync_oauthPlcy.ecaOauthPlcy";
    private static final String NS = "http://soap.sforce.com/2006/04/metadata";

    private SalesforceEmulator emulator;
    private OrgClient client;

    @BeforeEach
    void startOrg() {
        emulator = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start();
        client = OrgClient.signedIn(emulator);
    }

    @AfterEach
    void stopOrg() {
        emulator.close();
    }

    @Test
    void wrongNamespaceIsAParseError() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit(APP, NS, "http://example.org/not-metadata"),
                "ExternalClientApplication", "Acme_Sync");

        assertThat(failure.get("problem").asText()).startsWith("Error parsing file:").contains("metadata namespace");
    }

    @Test
    void filesDeclaringADoctypeAreRefusedSoNoExternalEntityIsRead() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit(APP, "<ExternalClientApplication ",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<ExternalClientApplication "),
                "ExternalClientApplication", "Acme_Sync");

        assertThat(failure.get("problem").asText()).startsWith("Error parsing file:").containsIgnoringCase("DOCTYPE");
    }

    @Test
    void unknownElementIsInvalidAtItsLocation() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit(APP, "<isProtected>", "<colour>blue</colour>\n    <isProtected>"),
                "ExternalClientApplication", "Acme_Sync");

        assertThat(failure.get("problem").asText()).isEqualTo(
                "Error parsing file: Element {" + NS + "}colour invalid at this location in type ExternalClientApplication");
        assertThat(failure.get("fileName").asText()).isEqualTo(APP);
        assertThat(failure.get("problemType").asText()).isEqualTo("Error");
        assertThat(failure.get("lineNumber").asInt()).isEqualTo(6);
    }

    @ParameterizedTest(name = "{2} in {0}")
    @CsvSource({
            POLICIES + ", <ipRelaxationPolicyType>Enforce<, Sometimes, ExtlClntAppOauthIpRelaxationPolicyType",
            POLICIES + ", <refreshTokenPolicyType>SpecificLifetime<, Forever, ExtlClntAppOauthRefreshTokenPolicyType",
            POLICIES + ", <permittedUsersPolicyType>AdminApprovedPreAuthorized<, Everyone, ExtlClntAppOauthPermittedUsersPolicyType",
            POLICIES + ", <requiredSessionLevel>STANDARD<, MEDIUM, ExtlClntAppOauthSessionLevel",
            POLICIES + ", <refreshTokenValidityUnit>Days<, Weeks, ExtlClntAppOauthRefreshTokenValidityUnit",
            APP + ", <distributionState>Local<, Global, ExternalAppDistributionState"})
    void badEnumValueIsNotValidForTheEnum(String file, String element, String badValue, String enumName) {
        String tag = element.substring(1, element.indexOf('>'));
        DeployZip zip = DeployZip.sampleApp().edit(file, element, "<" + tag + ">" + badValue + "<");

        JsonNode failure = rejectedAnywhere(zip);

        assertThat(failure.get("problem").asText())
                .isEqualTo("'" + badValue + "' is not a valid value for the enum '" + enumName + "'");
    }

    @Test
    void booleanMustBeTrueOrFalse() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit(GLOBAL, "<isPkceRequired>true<", "<isPkceRequired>yes<"),
                "ExtlClntAppGlobalOauthSettings", "Acme_Sync_glbloauth");

        assertThat(failure.get("problem").asText()).contains("'yes'").contains("isPkceRequired").contains("true or false");
    }

    @Test
    void appWithoutLabelIsRefused() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit(APP, "<label>Acme Sync</label>", ""),
                "ExternalClientApplication", "Acme_Sync");

        assertThat(failure.get("problem").asText()).isEqualTo("Must specify a non-empty label for the ExternalClientApplication");
    }

    @Test
    void appWithoutContactEmailIsRefused() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit(APP, "<contactEmail>integrations@example.org</contactEmail>", ""),
                "ExternalClientApplication", "Acme_Sync");

        assertThat(failure.get("problem").asText()).isEqualTo("Required field is missing: contactEmail");
    }

    @Test
    void companionWithoutItsAppReferenceIsRefused() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit(OAUTH,
                "<externalClientApplication>Acme_Sync</externalClientApplication>", ""),
                "ExtlClntAppOauthSettings", "Acme_Sync_oauth");

        assertThat(failure.get("problem").asText()).isEqualTo("Required field is missing: externalClientApplication");
    }

    @Test
    void companionNamingAnAppNeitherInThePackageNorTheOrgIsRefused() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit(OAUTH,
                "<externalClientApplication>Acme_Sync<", "<externalClientApplication>Globex_Sync<"),
                "ExtlClntAppOauthSettings", "Acme_Sync_oauth");

        assertThat(failure.get("problem").asText())
                .isEqualTo("In field: externalClientApplication - no ExternalClientApplication named Globex_Sync found");
    }

    @Test
    void aRunAsUserTheOrgDoesNotHaveIsRefused() {
        emulator.org().directory().addUsers("someone.else@example.org").addPermissionSets("Acme_Sync_Access");

        JsonNode failure = rejected(DeployZip.sampleApp(), "ExtlClntAppOauthConfigurablePolicies", "Acme_Sync_oauthPlcy");

        assertThat(failure.get("problem").asText())
                .isEqualTo("In field: clientCredentialsFlowUser - no User named acme.integration@example.org found");
    }

    @Test
    void aPermissionSetTheOrgDoesNotHaveIsRefused() {
        emulator.org().directory().addUsers("ACME.Integration@example.org").addPermissionSets("Other_Access");

        JsonNode failure = rejected(DeployZip.sampleApp(), "ExtlClntAppOauthConfigurablePolicies", "Acme_Sync_oauthPlcy");

        assertThat(failure.get("problem").asText())
                .isEqualTo("In field: commaSeparatedPermissionSet - no PermissionSet named Acme_Sync_Access found");
    }

    @Test
    void aRunAsUserAndPermissionSetTheOrgHasDeployWhateverTheirCase() {
        emulator.org().directory().addUsers("ACME.Integration@example.org").addPermissionSets("acme_sync_access");

        client.deployAndWait(DeployZip.sampleApp(), "{}");

        assertThat(emulator.org().apps()).hasSize(1);
    }

    @Test
    void companionNamingAnAppAlreadyInTheOrgDeploysAlone() {
        client.deployAndWait(DeployZip.sampleApp(), "{}");
        DeployZip onlyOauth = new DeployZip()
                .put("package.xml", DeployZip.sampleApp().file("package.xml").replaceAll(
                        "(?s)<types>\\s*<members>Acme_Sync(_plcy|_glbloauth|_oauthPlcy)?</members>.*?</types>", ""))
                .put(OAUTH, DeployZip.sampleApp().file(OAUTH).replace("Api, RefreshToken", "Api"));

        JsonNode done = client.deployAndWait(onlyOauth, "{}");

        assertThat(done.at("/deployResult/status").asText()).as(done.toString()).isEqualTo("Succeeded");
        assertThat(emulator.org().component("ExtlClntAppOauthSettings", "Acme_Sync_oauth").orElseThrow()
                .field("commaSeparatedOauthScopes")).contains("Api");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1Acme", "Acme__Sync", "AcmeSync_", "Acme-Sync", "Acme Sync"})
    void invalidApiNameIsRefused(String name) {
        DeployZip zip = DeployZip.sampleApp().edit("package.xml", "<members>Acme_Sync</members>", "<members>" + name + "</members>")
                .remove(APP).put("externalClientApps/" + name + ".eca", DeployZip.sampleApp().file(APP));

        JsonNode failure = rejected(zip, "ExternalClientApplication", name);

        assertThat(failure.get("problem").asText()).contains("'" + name + "' is invalid")
                .contains("must begin with a letter");
    }

    @Test
    void appNameLongerThanFortyCharactersIsRefused() {
        String name = "A".repeat(41);

        JsonNode failure = rejected(DeployZip.sampleApp().editAll("Acme_Sync", name), "ExternalClientApplication", name);

        assertThat(failure.get("problem").asText()).contains("too long").contains("41").contains("40");
    }

    @Test
    void sameAppTwiceInOnePackageIsADuplicate() {
        DeployZip zip = DeployZip.sampleApp().put("externalClientApps/acme_sync.eca", DeployZip.sampleApp().file(APP));

        JsonNode failure = rejected(zip, "ExternalClientApplication", "acme_sync");

        assertThat(failure.get("problem").asText()).startsWith("Duplicate name 'acme_sync'");
    }

    @Test
    void memberNamedTwiceInPackageXmlIsADuplicate() {
        DeployZip zip = DeployZip.sampleApp().edit("package.xml", "<members>Acme_Sync</members>",
                "<members>Acme_Sync</members>\n        <members>ACME_SYNC</members>");

        JsonNode failure = rejected(zip, "ExternalClientApplication", "ACME_SYNC");

        assertThat(failure.get("problem").asText()).contains("Duplicate name 'ACME_SYNC'");
    }

    @Test
    void appDifferingOnlyByCaseFromAnExistingAppIsADuplicate() {
        client.deployAndWait(DeployZip.sampleApp(), "{}");

        JsonNode failure = rejectedWithOrgUnchanged(DeployZip.sampleApp().editAll("Acme_Sync", "ACME_SYNC"),
                "ExternalClientApplication", "ACME_SYNC");

        assertThat(failure.get("problem").asText()).contains("already has the ExternalClientApplication 'Acme_Sync'");
    }

    @Test
    void mcpApiScopeIsRefusedBecauseTheTokenIsMcp() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit(OAUTH, "Api, RefreshToken", "Api, mcp_api"),
                "ExtlClntAppOauthSettings", "Acme_Sync_oauth");

        assertThat(failure.get("problem").asText())
                .isEqualTo("'mcp_api' is not a valid value for the enum 'ConnectedAppOauthAccessScope'");
    }

    @Test
    void mcpScopeTokenDeploys() {
        JsonNode done = client.deployAndWait(DeployZip.sampleApp().edit(OAUTH, "Api, RefreshToken", "RefreshToken, MCP"), "{}");

        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Succeeded");
    }

    @Test
    void packageXmlMemberWithoutItsFileIsRefused() {
        JsonNode failure = rejected(DeployZip.sampleApp().remove(POLICIES),
                "ExtlClntAppOauthConfigurablePolicies", "Acme_Sync_oauthPlcy");

        assertThat(failure.get("problem").asText()).isEqualTo("An object 'Acme_Sync_oauthPlcy' of type "
                + "ExtlClntAppOauthConfigurablePolicies was named in package.xml, but was not found in zipped directory");
    }

    @Test
    void fileMissingFromPackageXmlIsRefused() {
        JsonNode failure = rejected(DeployZip.sampleApp().edit("package.xml", "<members>Acme_Sync_oauthPlcy</members>", ""),
                "ExtlClntAppOauthConfigurablePolicies", "Acme_Sync_oauthPlcy");

        assertThat(failure.get("problem").asText()).isEqualTo("Not in package.xml");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            OAUTH + ", oauthLink, 00D000000000001:888000000000001",
            APP + ", orgScopedExternalApp, 00D000000000001:Acme_Sync"})
    void valuesSalesforceGeneratesCannotBeDeployed(String file, String element, String value) {
        String root = file.equals(APP) ? "</ExternalClientApplication>" : "</ExtlClntAppOauthSettings>";
        DeployZip zip = DeployZip.sampleApp().edit(file, root, "    <" + element + ">" + value + "</" + element + ">\n" + root);

        JsonNode failure = rejectedAnywhere(zip);

        assertThat(failure.get("problem").asText()).startsWith(element + " is generated by Salesforce");
    }

    @Test
    void zipWithoutPackageXmlIsRefused() {
        JsonNode failure = rejected(DeployZip.sampleApp().remove("package.xml"), "", "package.xml");

        assertThat(failure.get("problem").asText()).isEqualTo("No package.xml found");
    }

    @Test
    void typesTheOrgDoesNotKnowAreNamed() {
        DeployZip zip = DeployZip.sampleApp().edit("package.xml", "<version>",
                "<types>\n        <members>Acme_Sync_Access</members>\n        <name>PermissionSet</name>\n    </types>\n    <version>");

        JsonNode failure = rejected(zip, "", "package.xml");

        assertThat(failure.get("problem").asText()).startsWith("Unknown type name 'PermissionSet' specified in package.xml");
    }

    @Test
    void somethingThatIsNotAZipFailsTheDeploy() {
        OrgClient.Reply accepted = client.post(OrgClient.API + "/metadata/deployRequest", "multipart/form-data; boundary=b",
                ("--b\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{\"deployOptions\":{}}\r\n"
                        + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.zip\"\r\n\r\nnot a zip\r\n--b--\r\n")
                        .getBytes());

        JsonNode done = client.awaitDone(accepted.json().get("id").asText());

        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Failed");
        assertThat(done.at("/deployResult/details/componentFailures/0/problem").asText()).contains("could not be read");
    }

    @Test
    void oneBadComponentFailsTheWholeDeployAndReportsTheCounts() {
        JsonNode done = client.deployAndWait(DeployZip.sampleApp().edit(OAUTH, "Api, RefreshToken", "Api, mcp_api"), "{}");

        JsonNode result = done.get("deployResult");
        assertThat(result.get("status").asText()).isEqualTo("Failed");
        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("numberComponentErrors").asInt()).isEqualTo(1);
        assertThat(result.get("numberComponentsDeployed").asInt()).isZero();
        assertThat(result.get("numberComponentsTotal").asInt()).isEqualTo(5);
        assertThat(result.at("/details/componentSuccesses")).isEmpty();
        assertThat(emulator.org().apps()).isEmpty();
        assertThat(emulator.org().consumer("Acme_Sync")).isEmpty();
    }

    /** Deploys into an empty org and returns the failure for that component; the org must stay empty. */
    private JsonNode rejected(DeployZip zip, String componentType, String fullName) {
        JsonNode failure = rejectedWithOrgUnchanged(zip, componentType, fullName);
        assertThat(emulator.org().apps()).as("a failed deploy applies nothing").isEmpty();
        return failure;
    }

    @Test
    void anOrgWithExternalClientAppsOffRefusesEveryComponentAndSavesNothing() {
        emulator.org().enableExternalClientApps(false);

        JsonNode done = client.deployAndWait(DeployZip.sampleApp(), "{}");

        assertThat(done.at("/deployResult/status").asText()).as(done.toString()).isEqualTo("Failed");
        JsonNode failures = done.at("/deployResult/details/componentFailures");
        assertThat(failures.size()).isGreaterThanOrEqualTo(4);
        failures.forEach(f -> {
            assertThat(f.get("problem").asText()).isEqualTo("Not available for deploy for this organization");
            assertThat(f.get("problemType").asText()).isEqualTo("Error");
        });
        assertThat(failures.findValuesAsText("componentType")).contains("ExternalClientApplication",
                "ExtlClntAppOauthSettings");
        assertThat(emulator.org().apps()).isEmpty();

        emulator.org().enableExternalClientApps(true);
        assertThat(client.deployAndWait(DeployZip.sampleApp(), "{}").at("/deployResult/status").asText())
                .isEqualTo("Succeeded");
    }

    @Test
    void aConsumerKeyAndSecretGivenOnDeployBecomeTheAppsCredentials() {
        DeployZip zip = DeployZip.sampleApp().edit(GLOBAL, "</ExtlClntAppGlobalOauthSettings>",
                "    <consumerKey>3MVG9GivenOnDeploy</consumerKey>\n    <consumerSecret>given-secret</consumerSecret>\n"
                        + "</ExtlClntAppGlobalOauthSettings>");

        JsonNode done = client.deployAndWait(zip, "{}");

        assertThat(done.at("/deployResult/status").asText()).as(done.toString()).isEqualTo("Succeeded");
        assertThat(emulator.org().consumer("Acme_Sync").orElseThrow().key()).isEqualTo("3MVG9GivenOnDeploy");
        assertThat(emulator.org().component("ExtlClntAppGlobalOauthSettings", "Acme_Sync_glbloauth").orElseThrow().toString())
                .doesNotContain("given-secret");
    }

    @Test
    void xmlBooleansOneAndZeroAreAccepted() {
        DeployZip zip = DeployZip.sampleApp().edit(APP, "<isProtected>false</isProtected>", "<isProtected>0</isProtected>");

        JsonNode done = client.deployAndWait(zip, "{}");

        assertThat(done.at("/deployResult/status").asText()).as(done.toString()).isEqualTo("Succeeded");
    }

    @Test
    void documentedNewerElementsAndTheOauthSecuritySettingsTypeAreAccepted() {
        DeployZip zip = DeployZip.sampleApp()
                .edit(GLOBAL, "</ExtlClntAppGlobalOauthSettings>", "    <idTokenConfig><idTokenAudience>aud</idTokenAudience>"
                        + "<idTokenValidity>5</idTokenValidity></idTokenConfig>\n    <isDPopEnabled>true</isDPopEnabled>\n"
                        + "    <isEnforceRefreshTokenTTL>1</isEnforceRefreshTokenTTL>\n</ExtlClntAppGlobalOauthSettings>")
                .edit(POLICIES, "</ExtlClntAppOauthConfigurablePolicies>", "    <apexHandler>MyHandler</apexHandler>\n"
                        + "    <namedUserJwtTimeout>15</namedUserJwtTimeout>\n    <isGuestCodeCredFlowEnabled>false</isGuestCodeCredFlowEnabled>\n"
                        + "</ExtlClntAppOauthConfigurablePolicies>")
                .edit("package.xml", "    <version>", "    <types>\n        <members>Acme_Sync_oauthSecurity</members>\n"
                        + "        <name>ExtlClntAppOauthSecuritySettings</name>\n    </types>\n    <version>")
                .put("extlClntAppOauthSecuritySettings/Acme_Sync_oauthSecurity.ecaOauthSecurity",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ExtlClntAppOauthSecuritySettings xmlns=\"" + NS + "\">\n"
                                + "    <externalClientApplication>Acme_Sync</externalClientApplication>\n"
                                + "    <label>Acme_Sync_oauthSecurity</label>\n</ExtlClntAppOauthSecuritySettings>\n");

        JsonNode done = client.deployAndWait(zip, "{}");

        assertThat(done.at("/deployResult/status").asText()).as(done.toString()).isEqualTo("Succeeded");
        assertThat(emulator.org().component("ExtlClntAppOauthSecuritySettings", "Acme_Sync_oauthSecurity")).isPresent();
    }

    @Test
    void anOauthAppDeployedWithoutPoliciesGetsTheDefaultsOfARealOrg() {
        DeployZip zip = DeployZip.sampleApp().remove(POLICIES).edit("package.xml",
                "    <types>\n        <members>Acme_Sync_oauthPlcy</members>\n        <name>ExtlClntAppOauthConfigurablePolicies</name>\n    </types>\n", "");

        JsonNode done = client.deployAndWait(zip, "{}");

        assertThat(done.at("/deployResult/status").asText()).as(done.toString()).isEqualTo("Succeeded");
        String policies = emulator.org().component("ExtlClntAppOauthConfigurablePolicies", "Acme_Sync_oauthPlcy").orElseThrow().toString();
        assertThat(policies).contains("SpecificLifetime", "365", "Days", "AllSelfAuthorized", "Enforce");
    }

    private JsonNode rejectedWithOrgUnchanged(DeployZip zip, String componentType, String fullName) {
        int appsBefore = emulator.org().apps().size();
        JsonNode done = client.deployAndWait(zip, "{}");
        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Failed");
        assertThat(emulator.org().apps()).hasSize(appsBefore);
        for (JsonNode failure : done.at("/deployResult/details/componentFailures")) {
            if (failure.get("componentType").asText().equals(componentType)
                    && failure.get("fullName").asText().equals(fullName)) {
                assertThat(failure.get("success").asBoolean()).isFalse();
                return failure;
            }
        }
        throw new AssertionError("no failure for " + componentType + " " + fullName + " in " + done);
    }

    private JsonNode rejectedAnywhere(DeployZip zip) {
        JsonNode done = client.deployAndWait(zip, "{}");
        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Failed");
        assertThat(emulator.org().apps()).isEmpty();
        JsonNode failures = done.at("/deployResult/details/componentFailures");
        assertThat(failures).as(done.toString()).hasSize(1);
        return failures.get(0);
    }
}
