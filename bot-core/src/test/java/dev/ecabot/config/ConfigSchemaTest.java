package dev.ecabot.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ecabot.yaml is checked against its schema: a mistyped key anywhere is refused with its path and the key meant. */
class ConfigSchemaTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("ecabot.yaml"), yaml);
    }

    @Test
    void aMistypedSectionIsRefusedWithTheSectionMeant() throws IOException {
        Path file = write("approval:\n  default: 2\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": approval: unknown key; did you mean approvals? The keys allowed here are approvals,"
                        + " demoOrg, inventory, orgs, reminders, roles")
                .extracting(e -> ((ConfigException) e).keyPath()).isEqualTo("approval");
    }

    @Test
    void aKeyFarFromAnyKnownOneIsRefusedWithTheKeysAllowed() throws IOException {
        Path file = write("slack:\n  token: x\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .hasMessage(file + ": slack: unknown key; the keys allowed here are approvals, demoOrg, inventory, orgs,"
                        + " reminders, roles");
    }

    @Test
    void unknownKeysDeepInsideAreNamedByTheirWholePath() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(write("""
                orgs:
                  - name: uat
                    environment: sandbox
                    auth:
                      type: client-credentials
                      clientIdEnv: UAT_ID
                      clientSecret: UAT_SECRET
                """))).hasMessageContaining("orgs[0].auth.clientSecret: unknown key; did you mean clientSecretEnv?");
        assertThatThrownBy(() -> ConfigLoader.load(write("inventory:\n  digest:\n    chanel: slack:C1\n")))
                .hasMessageContaining("inventory.digest.chanel: unknown key; did you mean channel?");
        assertThatThrownBy(() -> ConfigLoader.load(write("reminders:\n  revealLeed: 2h\n")))
                .hasMessageContaining("reminders.revealLeed: unknown key; did you mean revealLead?");
    }

    @Test
    void anOrgsApprovalRuleRefusesAKeyItDoesNotHave() throws IOException {
        // Before the schema this key was ignored, so the org's approvers silently fell back to every approver.
        assertThatThrownBy(() -> ConfigLoader.load(write("""
                approvals:
                  orgs:
                    prod: { required: 1, approver: ["slack:U1"] }
                """))).hasMessageContaining("approvals.orgs.prod.approver: unknown key; did you mean approvers?");
    }

    @Test
    void everySectionWrittenAsTheDocsShowIsAccepted() throws IOException {
        Files.writeString(dir.resolve("bot.key"), "-----BEGIN PRIVATE KEY-----\n");
        EcabotConfig config = ConfigLoader.load(write("""
                demoOrg: true
                orgs:
                  - name: prod
                    environment: production
                    apiVersion: 65.0
                    auth: { type: jwt-bearer, consumerKey: 3MVG9, username: bot@acme.com, privateKeyFile: bot.key }
                roles:
                  requesters: ["slack:*"]
                  approvers: ["slack:U024BE7LH"]
                  admins: ["slack:U024BE7LH"]
                approvals:
                  default: 1
                  expiry: 24h
                  orgs:
                    prod: { required: 2, approvers: ["slack:U024BE7LH"] }
                    demo: 0
                  playbooks: { tableau-next: 2 }
                  channel: slack:C0123ABCD
                reminders: { refreshTokenLead: 7d, oldCredentialLead: P3D, approvalLead: 90m, revealLead: 0 }
                inventory:
                  posture: { block: { "*": [ip-bypass] } }
                  unusedAfterDays: 90
                  tokenReminderLead: 14d
                  digest: { schedule: "0 0 9 ? * MON", zone: Europe/Paris, channel: slack:C1, owners: true,
                            orgs: { prod: { channel: slack:C2 } } }
                  api: { enabled: true, tokenEnv: ECABOT_INVENTORY_TOKEN }
                """));
        assertThat(config.orgs()).hasSize(1);
        assertThat(config.approvals().expiry()).hasHours(24);
    }

    @Test
    void nearMissesAreTyposNotAnyShorterWord() {
        assertThat(NearMiss.closest("rolse", List.of("roles", "orgs"))).contains("roles");
        assertThat(NearMiss.closest("Approvals", List.of("approvals"))).contains("approvals");
        assertThat(NearMiss.closest("org", List.of("orgs", "roles"))).contains("orgs");
        assertThat(NearMiss.closest("slack", List.of("roles", "orgs", "demoOrg"))).isEmpty();
        assertThat(NearMiss.closest("api", List.of("zone"))).isEmpty();
    }
}
