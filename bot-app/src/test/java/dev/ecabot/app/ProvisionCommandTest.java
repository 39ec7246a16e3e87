package dev.ecabot.app;

import dev.ecabot.emulator.org.Consumer;
import dev.ecabot.testing.EmulatedOrgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionCommandTest {

    @TempDir
    Path dir;

    private EmulatedOrgs orgs;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        orgs = EmulatedOrgs.start(Duration.ofMillis(30));
        env.put("ECABOT_DB_URL", "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        env.put("ECABOT_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
    }

    @AfterEach
    void stop() {
        orgs.close();
    }

    /**
     * Writes ecabot.yaml with a JWT-bearer org "prod" and a client-credentials org "uat", both on the emulator, whose
     * approval policy needs no approval (so these tests are about deploying).
     */
    private void configureOrgs() throws IOException {
        configureOrgs("approvals:\n  orgs: {prod: 0, uat: 0}\n");
    }

    /** As {@link #configureOrgs()}, with {@code approvals} as the approvals section (empty: the default, one approval). */
    private void configureOrgs(String approvals) throws IOException {
        Path key = EmulatedOrgs.keyFile("bot.key.pem");
        Path config = dir.resolve("ecabot.yaml");
        Files.writeString(config, """
                orgs:
                  - name: prod
                    environment: production
                    loginUrl: %s
                    auth:
                      type: jwt-bearer
                      consumerKey: %s
                      username: %s
                      privateKeyFile: %s
                  - name: uat
                    environment: production
                    loginUrl: %s
                    auth:
                      type: client-credentials
                      clientIdEnv: UAT_CLIENT_ID
                      clientSecretEnv: UAT_CLIENT_SECRET
                """.formatted(orgs.baseUrl(), EmulatedOrgs.BOT_CONSUMER_KEY, EmulatedOrgs.BOT_USER, key, orgs.baseUrl()) + approvals);
        env.put("ECABOT_CONFIG", config.toString());
        env.put("UAT_CLIENT_ID", EmulatedOrgs.CLIENT_ID);
        env.put("UAT_CLIENT_SECRET", EmulatedOrgs.CLIENT_SECRET);
    }

    private static String[] args(String... parts) {
        return parts;
    }

    private static List<String> withAnswers(List<String> base, String... sets) {
        List<String> all = new ArrayList<>(base);
        for (String s : sets) {
            all.add("--set");
            all.add(s);
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "altify-mcp            | app_name=Altify MCP",
            "vonage-ai-studio      | app_name=Vonage AI Studio",
            "service-board-sync    | app_name=Service Board;tenant_domain=acme.serviceboard.com;run_as_user=integration@acme.com",
            "salesforce-hosted-mcp | app_name=Hosted MCP;mcp_client=postman",
            "custom                | app_name=Custom Sync;callback_urls=https://sync.example.com/callback;scopes=Api,RefreshToken",
    })
    void everyShippedPlaybookProvisionsOnTheDemoOrg(String playbook, String answers) throws IOException {
        Path creds = dir.resolve(playbook + ".env");
        List<String> cmd = new ArrayList<>(List.of("provision", playbook, "--org", "demo", "--credentials-out", creds.toString(),
                "--set", "contact_email=admin@acme.com"));
        for (String a : answers.split(";")) {
            cmd.add("--set");
            cmd.add(a);
        }
        CliRun run = CliRun.of(env, cmd.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("is ready in org 'demo'").containsPattern("Consumer key: \\S+");
        if (Files.exists(creds)) {
            assertThat(Files.getPosixFilePermissions(creds)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String file = Files.readString(creds);
            assertThat(file).contains("consumer_key=");
            String secretLine = file.lines().filter(l -> l.startsWith("consumer_secret=")).findFirst().orElse("");
            if (!secretLine.isEmpty()) assertThat(run.out()).doesNotContain(secretLine.substring("consumer_secret=".length()));
        }
    }

    @Test
    void aJwtBearerOrgGetsTheAppAndTheSecretGoesOnlyToTheFile() throws IOException {
        configureOrgs();
        Path creds = dir.resolve("vonage.env");
        CliRun run = CliRun.of(env, "provision", "vonage-ai-studio", "--org", "prod", "--set", "app_name=Vonage AI Studio",
                "--set", "contact_email=admin@acme.com", "--credentials-out", creds.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Consumer consumer = orgs.emulator().org().consumer("Vonage_AI_Studio").orElseThrow();
        assertThat(run.out()).contains("Consumer key: " + consumer.key()).doesNotContain(consumer.secret());
        assertThat(run.err()).doesNotContain(consumer.secret());
        assertThat(Files.readString(creds)).contains("consumer_key=" + consumer.key(), "consumer_secret=" + consumer.secret());
        assertThat(Files.getPosixFilePermissions(creds)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aClientCredentialsOrgGetsTheAppAndShowSecretPrintsIt() throws IOException {
        configureOrgs();
        CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "uat", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--show-secret");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Consumer consumer = orgs.emulator().org().consumer("Altify_MCP").orElseThrow();
        assertThat(run.out()).contains("Consumer key: " + consumer.key(), "Consumer secret: " + consumer.secret());
    }

    @Test
    void answersComeFromAFileAndSetOverridesThem() throws IOException {
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, """
                app_name: Custom Sync
                contact_email: admin@acme.com
                callback_urls:
                  - https://sync.example.com/callback
                  - https://sync.example.com/callback2
                scopes: [Api, RefreshToken]
                """);
        CliRun run = CliRun.of(env, "provision", "custom", "--org", "demo", "--answers", answers.toString(),
                "--set", "app_name=Custom Two", "--show-secret");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Custom_Two is ready");
    }

    @Test
    void aSecretDeliveringPlaybookWithoutAPlaceForTheSecretIsRefusedBeforeDeploying() throws IOException {
        configureOrgs();
        CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--credentials-out").contains("Nothing was deployed");
        assertThat(orgs.emulator().org().calls()).isEmpty();
    }

    @Test
    void invalidInputExitsTwoAndDeploysNothing() throws IOException {
        configureOrgs();
        CliRun unknownPlaybook = CliRun.of(env, "provision", "no-such-vendor", "--org", "prod");
        assertThat(unknownPlaybook.exitCode()).isEqualTo(2);
        assertThat(unknownPlaybook.err()).contains("no playbook 'no-such-vendor'", "altify-mcp");

        CliRun badEmail = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=not-an-email", "--show-secret");
        assertThat(badEmail.exitCode()).isEqualTo(2);
        assertThat(badEmail.err()).contains("contact_email").contains("Nothing was deployed");

        CliRun unknownOrg = CliRun.of(env, "provision", "altify-mcp", "--org", "staging", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--show-secret");
        assertThat(unknownOrg.exitCode()).isEqualTo(2);
        assertThat(unknownOrg.err()).contains("no org called 'staging'", "prod", "uat");

        Path existing = Files.writeString(dir.resolve("taken.env"), "keep me");
        CliRun taken = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--credentials-out", existing.toString());
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");

        assertThat(orgs.emulator().org().apps()).isEmpty();
    }

    @Test
    void aProvisioningRefusalExitsTwoWithItsReasonAndNoStackTrace() throws IOException {
        configureOrgs();
        CliRun first = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--show-secret", "--requester", "alice");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        CliRun again = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=other@acme.com", "--show-secret", "--requester", "bob");

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).contains("already has an app named Altify_MCP", "Choose another API name")
                .doesNotContain("at dev.ecabot");
        assertThat(orgs.emulator().org().apps()).hasSize(1);
    }

    @Test
    void aBlankRequesterIsRefusedWithExitTwoBeforeAnythingIsDeployed() throws IOException {
        configureOrgs();

        CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--show-secret", "--requester", " ");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--requester needs a name", "Nothing was deployed").doesNotContain("at dev.ecabot");
        assertThat(orgs.emulator().org().apps()).isEmpty();
    }

    @Test
    void aBrokenPlaybookStopsProvisioningWithExitTwoAndOneLinePerProblem() throws IOException {
        configureOrgs();
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(playbooks.resolve("acme.yaml"), "id: acme-sync\ntitle: Acme\n");
        env.put("ECABOT_PLAYBOOKS_DIR", playbooks.toString());

        CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--show-secret");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(playbooks.resolve("acme.yaml") + ": $: required property 'vendor' not found")
                .doesNotContain("at dev.ecabot");
        assertThat(orgs.emulator().org().calls()).isEmpty();
    }

    @Test
    void aSalesforceFailureExitsOneWithItsMessage() throws IOException {
        configureOrgs();
        orgs.emulator().org().enableClientSecretInRestApiAccess(false);
        CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--show-secret");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("Allow access to External Client App consumer secrets via REST API")
                .doesNotContain("at dev.ecabot");
    }

    @Test
    void aBrokenConfigurationExitsTwoNamingTheKey() throws IOException {
        Path config = Files.writeString(dir.resolve("ecabot.yaml"), "orgs:\n  - {name: prod, environment: staging}\n");
        env.put("ECABOT_CONFIG", config.toString());
        CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "prod");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("orgs[0].environment");
    }

    @Test
    void aDryRunLetsSalesforceValidateWithoutCreatingTheApp() throws IOException {
        configureOrgs();
        CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--dry-run");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Salesforce accepts Altify_MCP", "nothing was created");
        assertThat(orgs.emulator().org().apps()).isEmpty();
        assertThat(orgs.emulator().org().calls()).anyMatch(c -> c.method().equals("POST") && c.path().endsWith("/metadata/deployRequest"));
    }

    @Test
    void anOrgWhosePolicyNeedsAnApprovalIsRefusedOnTheCommandLineAndNothingIsDeployed() throws IOException {
        configureOrgs("");   // no approvals section: every org but the demo org needs one approval

        for (String override : new String[] {null, "   "}) {
            List<String> cmd = new ArrayList<>(List.of("provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                    "--set", "contact_email=admin@acme.com", "--show-secret"));
            if (override != null) cmd.addAll(List.of("--override-approval", override));
            CliRun run = CliRun.of(env, cmd.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("Org 'prod' needs 1 approval for playbook altify-mcp",
                    "(org prod is not listed, so it needs the default 1 to create (approvals.default))",
                    "\"new altify-mcp prod\"", "--override-approval", "Nothing was deployed.");
        }
        assertThat(orgs.emulator().org().apps()).isEmpty();
        assertThat(orgs.emulator().org().calls()).noneMatch(c -> c.path().contains("/metadata/deployRequest"));
    }

    @Test
    void anOperatorOverrideDeploysAndLeavesTheReasonInTheAuditTrail() throws IOException {
        configureOrgs("approvals:\n  orgs: {prod: 2}\n");
        CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--show-secret", "--requester", "alice",
                "--override-approval", "Vendor go-live tonight, change CAB-1234 approved by mail");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(orgs.emulator().org().consumer("Altify_MCP")).isPresent();
        try (dev.ecabot.store.Database db = dev.ecabot.store.Database.open(env.get("ECABOT_DB_URL"), null, null)) {
            List<dev.ecabot.audit.AuditEvent> overrides = new dev.ecabot.audit.AuditTrail(db.dataSource()).recent(50).stream()
                    .filter(e -> e.kind() == dev.ecabot.audit.AuditKind.APPROVAL_OVERRIDE).toList();
            assertThat(overrides).singleElement().satisfies(e -> {
                assertThat(e.org()).isEqualTo("prod");
                assertThat(e.apiName()).isEqualTo("Altify_MCP");
                assertThat(e.detail()).contains("for requester alice", "without the 2 approvals",
                        "reason: Vendor go-live tonight, change CAB-1234 approved by mail");
            });
        }
    }

    @Test
    void aFindingTheOrgsPosturePolicyBlocksNeedsAnApprovalOnTheCommandLineAsInChat() throws IOException {
        configureOrgs("approvals:\n  orgs: {prod: 0}\ninventory:\n  posture:\n    block:\n      prod: [" + String.join(", ",
                "refresh-token-infinite", "refresh-token-long", "refresh-token-no-rotation", "self-authorized-broad-scope",
                "ip-bypass", "pkce-off-public-client", "pkce-off", "web-client-secret-not-required",
                "client-credentials-admin-user", "callback-insecure", "callback-wildcard") + "]\n");
        try {
            CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                    "--set", "contact_email=admin@acme.com", "--show-secret");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("Org 'prod' needs 1 approval for playbook altify-mcp",
                    "org prod's posture policy blocks", "an approval accepts it", "--override-approval", "Nothing was deployed.");
            assertThat(orgs.emulator().org().apps()).isEmpty();
        } finally {
            dev.ecabot.posture.PosturePolicy.install(new dev.ecabot.posture.PosturePolicy(
                    dev.ecabot.posture.PostureRules.shipped(), dev.ecabot.inventory.InventorySettings.defaults()));
        }
    }

    @Test
    void aDryRunNeedsNoApprovalBecauseItCreatesNothing() throws IOException {
        configureOrgs("");
        CliRun run = CliRun.of(env, "provision", "altify-mcp", "--org", "prod", "--set", "app_name=Altify MCP",
                "--set", "contact_email=admin@acme.com", "--dry-run");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(orgs.emulator().org().apps()).isEmpty();
    }
}
