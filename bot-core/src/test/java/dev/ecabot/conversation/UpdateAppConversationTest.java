package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.MetadataPackage;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.salesforce.DeployOptions;
import dev.ecabot.salesforce.DeployProgressListener;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code update <app>} in chat on the emulated demo org: today's answers as defaults, the changes in Setup's words,
 * a redeploy that keeps what the bot does not manage, no deploy when nothing changes, the org's approval policy,
 * admins only, and a failed deploy that leaves the inventory as it was.
 */
class UpdateAppConversationTest {

    /** Everyone requests; bob approves; admin administers. */
    private static final RolesConfig ROLES = new RolesConfig(List.of(Grantee.parse("test:*")),
            List.of(Grantee.parse("test:bob")), List.of(Grantee.parse("test:admin")));
    private static final String MCP = "salesforce-hosted-mcp";
    private static final String APP = "Claude_Desktop";

    private TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(ROLES));
    private Person admin = bot.chat().as("admin");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void anUpdateShowsEveryChangeInSetupsWordsRedeploysOnceAndKeepsWhatTheBotDoesNotManage() {
        InventoryApp made = claudeApp();
        setDPopInSetup();
        long deploysBefore = deploys();

        Transcript summary = updates("update " + APP, Map.of("refresh_token_days", "30"));

        Confirmation confirmation = (Confirmation) summary.lastMessage();
        assertThat(confirmation.summary().facts()).anySatisfy(f -> {
            assertThat(f.label()).isEqualTo("Refresh token policy");
            assertThat(f.value()).isEqualTo("Expire refresh token after 365 days -> Expire refresh token after 30 days");
        });
        assertThat(confirmation.summary().facts()).extracting(f -> f.label())
                .as("only what changes").doesNotContain("Name", "Callback URLs", "OAuth scopes");
        assertThat(confirmation.summary().notes()).anySatisfy(n -> assertThat(n).contains("Activation delay again", "30 minutes"));
        assertThat(deploys()).as("nothing deployed before the confirmation").isEqualTo(deploysBefore);

        admin.confirms();
        admin.confirms(); // a second click on the same button
        Transcript done = admin.awaits("Updated " + APP + " in demo");
        assertThat(done.text()).contains("Expire refresh token after 30 days", "were kept as they are in the org");
        assertThat(deploys()).as("one redeploy however often the button is pressed").isEqualTo(deploysBefore + 1);

        String global = bot.emulatedOrg().emulator().org().component("ExtlClntAppGlobalOauthSettings", APP + "_glbloauth")
                .orElseThrow().toString();
        assertThat(global).as("a field the bot does not manage survives the update").contains("isDPopEnabled");
        InventoryApp after = inventory().find("demo", APP).orElseThrow();
        assertThat(after.settingsJson()).contains("SPECIFIC_LIFETIME").isNotEqualTo(made.settingsJson());
        assertThat(after.consumerKey()).isEqualTo(made.consumerKey());
        assertThat(after.requester()).as("who asked for the app stays").isEqualTo(made.requester());
        assertThat(after.createdAt()).isEqualTo(made.createdAt());
        assertThat(new AuditTrail(bot.database().dataSource()).forApp("demo", APP)).filteredOn(e -> e.kind() == AuditKind.UPDATE)
                .singleElement().extracting(AuditEvent::detail).asString()
                .contains("by test:admin", "no approval needed", "policies.refreshTokenValidityPeriod: 365 -> 30");

        Transcript again = updates("update " + APP, Map.of());
        assertThat(again.text()).as("today's answers now include the update").contains("No changes");
    }

    @Test
    void keepingEveryAnswerIsAClearNoChangeWithoutADeploy() {
        claudeApp();
        long deploysBefore = deploys();

        Transcript reply = admin.says("update claude_desktop demo");
        assertThat(reply.text()).contains("Let's update " + APP, "say \"keep\"");
        Transcript end = finish(reply, Map.of());
        assertThat(admin.everything().all(ChoicePrompt.class)).filteredOn(c -> c.id().equals(new PromptRef.Question("mcp_client").encode())).last()
                .as("today's answer is offered").satisfies(c -> assertThat(c.options().get(0).label()).isEqualTo("Keep: Claude"));

        assertThat(end.text()).contains("No changes: " + APP + " in demo already has exactly these settings",
                "deployed nothing");
        assertThat(end.all(Confirmation.class)).isEmpty();
        assertThat(deploys()).isEqualTo(deploysBefore);
        assertThat(admin.says("status").text()).contains("No conversation in progress");
    }

    @Test
    void anAppImportedBySyncOffersTheSettingsItHasInTheOrgAsTodaysAnswers() {
        Map<String, String> answers = new LinkedHashMap<>(Map.of("org", "demo", "app_name", "Cursor Team",
                "api_name", "Cursor_Team", "contact_email", "ai@example.com", "mcp_client", "cursor", "refresh_token_days", "14"));
        var rendering = new PlaybookRenderer().render(bot.playbooks().find(MCP).orElseThrow(), answers).orElseThrow();
        MetadataPackage pkg = new EcaMetadataWriter("68.0", dev.ecabot.eca.MetadataFormat.METADATA_API).write(rendering.spec());
        bot.orgClients().forOrg("demo").metadata().deploy(pkg.toZip(), DeployOptions.realDeploy(), DeployProgressListener.NONE);
        admin.says("sync demo");
        admin.awaits("Cursor_Team");
        // refresh tokens of 14 days are too far from the playbook's defaults to be matched: the admin names it
        admin.says("assign Cursor_Team demo playbook " + MCP);
        await().atMost(Duration.ofSeconds(10)).until(() -> inventory().find("demo", "Cursor_Team")
                .map(a -> MCP.equals(a.playbookId())).orElse(false));

        Transcript end = updates("update Cursor_Team", Map.of());
        assertThat(admin.everything().all(ChoicePrompt.class)).filteredOn(c -> c.id().equals(new PromptRef.Question("mcp_client").encode())).last()
                .satisfies(c -> assertThat(c.options().get(0).label()).isEqualTo("Keep: Cursor"));
        assertThat(admin.everything().all(FormPrompt.class)).anySatisfy(f ->
                assertThat(f.fields().get(0).defaultValue()).isEqualTo("14"));
        assertThat(end.text()).contains("No changes: Cursor_Team");
        assertThat(inventory().find("demo", "Cursor_Team").orElseThrow().status())
                .isEqualTo(dev.ecabot.inventory.AppStatus.IMPORTED);
    }

    @Test
    void onAnOrgThatNeedsApprovalTheChangesGoToTheApproversAndDeployOnceApproved() {
        bot.close();
        ApprovalPolicyConfig demoNeedsOne = new ApprovalPolicyConfig(1, Duration.ofHours(24),
                Map.of("demo", new ApprovalPolicyConfig.OrgRule(1, List.of())), Map.of());
        bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(ROLES).withApprovals(demoNeedsOne));
        admin = bot.chat().as("admin");
        Person bob = bot.chat().as("bob");
        Walks.toTheSummary(admin, MCP, "demo", Map.of("app_name", "Claude Desktop", "mcp_client", "claude"));
        admin.confirms();
        admin.submits(Map.of("approval-reason", "Claude for the support team"));
        bob.presses(ApprovalCard.PROMPT_ID, bob.everything().last(ApprovalCard.class).approveValue());
        admin.awaits("Done:");
        long deploysBefore = deploys();

        Transcript summary = updates("update " + APP, Map.of("refresh_token_days", "20"));
        assertThat(((Confirmation) summary.lastMessage()).summary().notes())
                .anySatisfy(n -> assertThat(n).contains("Org demo needs 1 approval"));
        Transcript asked = admin.confirms();
        assertThat(asked.lastMessage()).isInstanceOf(FormPrompt.class);
        assertThat(((FormPrompt) asked.lastMessage()).title()).contains("needs 1 approval before I update " + APP);
        assertThat(admin.submits(Map.of("approval-reason", "users leave often; end their sessions at once")).text())
                .contains("waiting for approval");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        assertThat(card.title()).contains("change the settings of " + APP);
        assertThat(card.facts()).anySatisfy(f -> assertThat(f.value()).contains("-> "));
        assertThat(deploys()).as("nothing before approval").isEqualTo(deploysBefore);

        bob.presses(ApprovalCard.PROMPT_ID, card.approveValue());
        admin.awaits("Updated " + APP);
        assertThat(deploys()).isEqualTo(deploysBefore + 1);
        assertThat(new AuditTrail(bot.database().dataSource()).forApp("demo", APP)).filteredOn(e -> e.kind() == AuditKind.UPDATE)
                .singleElement().extracting(AuditEvent::detail).asString().contains("approved by test:bob");
    }

    @Test
    void someoneWhoIsNotAnAdminIsToldWhoMayUpdate() {
        claudeApp();
        Person alice = bot.chat().as("alice");

        assertThat(alice.says("update " + APP).text()).contains("You may not run `update`", "admin role",
                "Ask a bot admin (test:admin)");
        assertThat(alice.says("status").text()).contains("No conversation in progress");
    }

    @Test
    void aDeployTheOrgRefusesLeavesTheAppAndItsInventoryRecordAsTheyWere() {
        InventoryApp made = claudeApp();
        bot.emulatedOrg().emulator().org().directory().addPermissionSets("Support_Agents");

        updates("update " + APP, Map.of("permission_set", "Nobody_Has_This"));
        admin.confirms();

        Transcript told = admin.awaits("I could not update " + APP);
        assertThat(told.text()).contains("Nobody_Has_This", "as they were", "\"update " + APP + " demo\"");
        InventoryApp after = inventory().find("demo", APP).orElseThrow();
        assertThat(after.settingsJson()).isEqualTo(made.settingsJson());
        assertThat(new AuditTrail(bot.database().dataSource()).forApp("demo", APP))
                .noneMatch(e -> e.kind() == AuditKind.UPDATE);
        assertThat(admin.says("status").text()).contains("No conversation in progress");

        updates("update " + APP + " demo", Map.of("permission_set", "Support_Agents"));
        admin.confirms();
        assertThat(admin.awaits("Updated " + APP).text()).as("the failed attempt holds nothing back")
                .contains("Permission sets: (not set) -> Support_Agents");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "killed {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Redeploying " + APP, "Updated " + APP})
    void aBotKilledWhileUpdatingPicksTheUpdateUpAfterARestartAndDeploysItOnce(String killedWhenSaying) {
        claudeApp();
        long deploysBefore = deploys();
        updates("update " + APP, Map.of("refresh_token_days", "30"));
        bot.chat().killTheBotWhenItSends(m -> m instanceof dev.ecabot.conversation.message.TextMessage t
                && t.text().startsWith(killedWhenSaying) || m instanceof Summary s && s.title().startsWith(killedWhenSaying));
        admin.confirms();
        bot.chat().awaitTheKill();

        bot.restart().afterTheLeasesOfTheOldInstanceExpire();
        assertThat(bot.engine().resumeInterruptedProvisioning()).isEqualTo(1);

        admin.awaits("picking up where it stopped");
        admin.awaits("Updated " + APP + " in demo");
        assertThat(deploys()).as("one redeploy").isEqualTo(deploysBefore + 1);
        assertThat(inventory().find("demo", APP).orElseThrow().settingsJson()).contains("\"refreshTokenValidityPeriod\":30");
        assertThat(bot.engine().resumeInterruptedProvisioning()).as("nothing left to resume").isZero();
        assertThat(admin.says("status").text()).contains("No conversation in progress");
    }

    // --- steps ---

    /** The Claude Desktop app of the hosted MCP playbook, made by the admin in chat. */
    private InventoryApp claudeApp() {
        Walks.toTheSummary(admin, MCP, "demo", Map.of("app_name", "Claude Desktop", "mcp_client", "claude"));
        admin.confirms();
        admin.awaits("Done:");
        await().atMost(Duration.ofSeconds(10)).until(() -> inventory().find("demo", APP).isPresent());
        return inventory().find("demo", APP).orElseThrow();
    }

    /** Says {@code command} and answers each update question: {@code changes} by id, else keeps today's answer. */
    private Transcript updates(String command, Map<String, String> changes) {
        return finish(admin.says(command), changes);
    }

    /** The playbook question a prompt asks (its id on the wire is "q:<id>"); null for the bot's own prompts. */
    private static String question(String promptId) {
        return PromptRef.decode(promptId) instanceof PromptRef.Question q ? q.id() : null;
    }

    private Transcript finish(Transcript reply, Map<String, String> changes) {
        Transcript last = reply;
        for (int turn = 0; turn < 30; turn++) {
            ChatMessage prompt = last.lastMessage();
            if (prompt instanceof ChoicePrompt c) {
                last = admin.picks(changes.getOrDefault(question(c.id()), "keep"));
            } else if (prompt instanceof FormPrompt f && f.fields().get(0).id().equals(question(f.id()))) {
                // an empty answer keeps today's; "keep" typed does the same
                last = admin.says(changes.getOrDefault(question(f.id()), turn % 2 == 0 ? "" : "keep"));
            } else {
                return last;
            }
        }
        throw new AssertionError("the update never ended:\n" + admin.everything().text());
    }

    /** An admin ticks DPoP in Setup: a field of the app's global OAuth settings the bot never writes. */
    private void setDPopInSetup() {
        InventoryApp app = inventory().find("demo", APP).orElseThrow();
        MetadataPackage pkg = new EcaMetadataWriter("68.0", dev.ecabot.eca.MetadataFormat.METADATA_API)
                .write(dev.ecabot.inventory.SettingsJson.read(app.settingsJson()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : pkg.paths()) {
            String text = pkg.text(path);
            if (path.contains("_glbloauth")) {
                text = text.replace("<isDeviceFlowEnabled>", "<isDPopEnabled>true</isDPopEnabled>\n    <isDeviceFlowEnabled>");
                assertThat(text).contains("isDPopEnabled");
            }
            files.put(path, text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bot.orgClients().forOrg("demo").metadata().deploy(new MetadataPackage(files).toZip(),
                DeployOptions.realDeploy(), DeployProgressListener.NONE).succeeded()).isTrue();
    }

    private long deploys() {
        return bot.emulatedOrg().emulator().org().calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().endsWith("/metadata/deployRequest")).count();
    }

    private InventoryAppRepository inventory() {
        return new InventoryAppRepository(bot.database().dataSource());
    }
}
