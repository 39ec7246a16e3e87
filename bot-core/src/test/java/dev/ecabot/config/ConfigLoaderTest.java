package dev.ecabot.config;

import dev.ecabot.salesforce.OrgConfig;
import dev.ecabot.salesforce.OrgAuth;
import dev.ecabot.salesforce.OrgEnvironment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("ecabot.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void noFileMeansZeroConfigurationWithTheDemoOrg() {
        EcabotConfig config = ConfigLoader.fromEnvironment(Map.of());
        assertThat(config.orgs()).isEmpty();
        assertThat(config.demoOrgEnabled()).isTrue();
    }

    @Test
    void aFileNamedByTheEnvironmentMustExist() {
        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(Map.of("ECABOT_CONFIG", dir.resolve("nope.yaml").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml").hasMessageContaining("ECABOT_CONFIG");
    }

    @Test
    void readsAJwtBearerProductionOrgAndAClientCredentialsSandbox() throws IOException {
        Files.writeString(dir.resolve("bot.key"), "-----BEGIN PRIVATE KEY-----\n");
        EcabotConfig config = ConfigLoader.load(write("""
                demoOrg: false
                orgs:
                  - name: prod
                    environment: production
                    auth:
                      type: jwt-bearer
                      consumerKey: 3MVG9botkey
                      username: bot@acme.com
                      privateKeyFile: bot.key
                  - name: uat
                    environment: sandbox
                    loginUrl: https://acme--uat.sandbox.my.salesforce.com/
                    apiVersion: 65.0
                    auth:
                      type: client-credentials
                      clientIdEnv: UAT_CLIENT_ID
                      clientSecretEnv: UAT_CLIENT_SECRET
                """));
        assertThat(config.demoOrgEnabled()).isFalse();
        OrgConfig prod = config.org("prod").orElseThrow();
        assertThat(prod.loginUrl()).hasToString("https://login.salesforce.com");
        assertThat(prod.apiVersion()).isEqualTo("68.0");
        assertThat(prod.auth()).isEqualTo(new OrgAuth.JwtBearer("3MVG9botkey", "bot@acme.com", dir.resolve("bot.key")));
        OrgConfig uat = config.org("UAT").orElseThrow();
        assertThat(uat.environment()).isEqualTo(OrgEnvironment.SANDBOX);
        assertThat(uat.loginUrl()).hasToString("https://acme--uat.sandbox.my.salesforce.com");
        assertThat(uat.apiVersion()).isEqualTo("65.0");
        assertThat(uat.auth()).isEqualTo(new OrgAuth.ClientCredentials("UAT_CLIENT_ID", "UAT_CLIENT_SECRET"));
    }

    @Test
    void sectionsOwnedByOtherPartsOfTheBotAreKeptNotRejected() throws IOException {
        EcabotConfig config = ConfigLoader.load(write("""
                roles:
                  approvers: ["slack:U024BE7LH"]
                """));
        assertThat(config.section("roles")).get().extracting(n -> n.get("approvers").get(0).asText())
                .isEqualTo("slack:U024BE7LH");
        assertThat(config.orgs()).isEmpty();
    }

    @Test
    void rolesApprovalsAndReminderLeadsAreBoundFromTheFile() throws IOException {
        EcabotConfig config = ConfigLoader.load(write("""
                roles:
                  requesters: ["slack:*"]
                  approvers: ["slack:U024BE7LH"]
                  admins: ["slack:U0G9QF9C6"]
                approvals:
                  expiry: 12h
                  channel: slack:C0APPROVALS
                  orgs:
                    prod: 1
                    uat: 0
                reminders:
                  refreshTokenLead: 3d
                  approvalLead: 30m
                """));
        assertThat(config.roles(null).approvers()).extracting(Object::toString).containsExactly("slack:U024BE7LH");
        assertThat(config.approvals().expiry()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(config.approvals().channel()).isEqualTo("slack:C0APPROVALS");
        assertThat(config.approvals().requiredApprovals("uat", "vonage-ai-studio")).isZero();
        assertThat(config.approvals().requiredApprovals("prod", "vonage-ai-studio")).isEqualTo(1);
        assertThat(config.reminderPlans().refreshTokenLead()).isEqualTo(java.time.Duration.ofDays(3));
        assertThat(config.reminderPlans().approvalLead()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(config.reminderPlans().revealLead()).as("default").isEqualTo(java.time.Duration.ofHours(2));
    }

    @Test
    void withoutTheSectionsTheZeroConfigDefaultsApply() throws IOException {
        EcabotConfig config = ConfigLoader.load(write("demoOrg: true\n"));
        assertThat(config.roles(dev.ecabot.access.RolesConfig.empty())).isEqualTo(dev.ecabot.access.RolesConfig.empty());
        assertThat(config.approvals().requiredApprovals("demo", "custom")).isZero();
        assertThat(config.approvals().requiredApprovals("prod", "custom")).isEqualTo(1);
    }

    @Test
    void aBadRoleEntryOrLeadStopsLoadingNamingTheFileAndKey() throws IOException {
        Path file = write("""
                roles:
                  approvers: [alice]
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("roles.approvers")
                .hasMessageContaining("write platform:userId");
        Path lead = write("""
                reminders:
                  revealLead: soon
                """);
        assertThatThrownBy(() -> ConfigLoader.load(lead)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("reminders.revealLead must be a duration like 24h");
    }

    @Test
    void aMisspelledTopLevelSectionIsAnErrorNotSilentlyZeroConfigRoles() throws IOException {
        Path file = write("""
                rolse:
                  admins: ["slack:U024BE7LH"]
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rolse").hasMessageContaining("unknown key")
                .hasMessageContaining("roles")
                .extracting(e -> ((ConfigException) e).keyPath()).isEqualTo("rolse");
    }

    @Test
    void anUnknownKeyInsideAnOrgIsAnErrorWithItsPath() throws IOException {
        Path file = write("""
                orgs:
                  - name: uat
                    environment: sandbox
                    loginUrl: https://acme--uat.sandbox.my.salesforce.com
                    auth: {type: client-credentials, clientIdEnv: A, clientSecretEnv: B, clientSecret: oops}
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("orgs[0].auth.clientSecret: unknown key")
                .hasMessageContaining("clientSecretEnv");
    }

    @Test
    void aSecretWrittenWhereAnEnvironmentVariableNameBelongsIsRefusedWithoutEchoingIt() throws IOException {
        Path file = write("""
                orgs:
                  - name: uat
                    environment: sandbox
                    loginUrl: https://acme--uat.sandbox.my.salesforce.com
                    auth: {type: client-credentials, clientIdEnv: UAT_ID, clientSecretEnv: "9F3A-s3cr3t!value"}
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .hasMessageContaining("orgs[0].auth.clientSecretEnv")
                .hasMessageContaining("name of an environment variable")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void clientCredentialsNeedAMyDomainUrl() throws IOException {
        Path file = write("""
                orgs:
                  - name: prod
                    environment: production
                    auth: {type: client-credentials, clientIdEnv: A, clientSecretEnv: B}
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining("orgs[0].auth").hasMessageContaining("My Domain");
    }

    @Test
    void badValuesSayWhatToWriteInstead() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(write("orgs:\n  - {name: prod, environment: staging, auth: {type: jwt-bearer}}\n")))
                .hasMessageContaining("orgs[0].environment").hasMessageContaining("production or sandbox");
        assertThatThrownBy(() -> ConfigLoader.load(write("orgs:\n  - {name: Prod Org, environment: production}\n")))
                .hasMessageContaining("orgs[0].name").hasMessageContaining("lower-case");
        assertThatThrownBy(() -> ConfigLoader.load(write("orgs:\n  - {name: p, environment: production, apiVersion: 58.0, auth: {type: x}}\n")))
                .hasMessageContaining("orgs[0].apiVersion").hasMessageContaining("62.0");
        assertThatThrownBy(() -> ConfigLoader.load(write("orgs:\n  - {name: p, environment: production, auth: {type: saml}}\n")))
                .hasMessageContaining("orgs[0].auth.type").hasMessageContaining("jwt-bearer or client-credentials");
        assertThatThrownBy(() -> ConfigLoader.load(write("orgs:\n  - {name: p, environment: production, auth: {type: jwt-bearer, consumerKey: k, username: a@b.c, privateKeyFile: missing.key}}\n")))
                .hasMessageContaining("orgs[0].auth.privateKeyFile").hasMessageContaining("missing.key");
        assertThatThrownBy(() -> ConfigLoader.load(write("demoOrg: maybe\n")))
                .hasMessageContaining("demoOrg").hasMessageContaining("true or false");
        assertThatThrownBy(() -> ConfigLoader.load(write("orgs: [\n")))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void twoOrgsCannotShareAName() throws IOException {
        Path file = write("""
                orgs:
                  - {name: uat, environment: sandbox, loginUrl: "https://a.my.salesforce.com", auth: {type: client-credentials, clientIdEnv: A, clientSecretEnv: B}}
                  - {name: uat, environment: sandbox, loginUrl: "https://b.my.salesforce.com", auth: {type: client-credentials, clientIdEnv: A, clientSecretEnv: B}}
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining("orgs[1].name").hasMessageContaining("another org");
    }
}
