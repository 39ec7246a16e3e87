package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five shipped playbooks, each walked to a created app on the demo org, then {@code posture demo} and
 * {@code digest demo} as an admin sees them, and the weekly direct message their owner (alice, who asked for them)
 * gets. The transcript is kept in target/inventory-reports.txt (the closing note of issue 16 quotes it):
 * {@code mvn -o -q -pl bot-core -am test -Dtest=InventoryReportsOfShippedPlaybooksTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class InventoryReportsOfShippedPlaybooksTest {

    private static final RolesConfig ROLES = new RolesConfig(List.of(Grantee.parse("test:*")), List.of(Grantee.parse("test:bob")),
            List.of(Grantee.parse("test:admin")));

    @Test
    void postureAndDigestCoverEveryShippedPlaybook() throws Exception {
        try (TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(ROLES))) {
            Person alice = bot.chat().as("alice");
            List<String> ids = PlaybookCatalog.load().all().stream().map(Playbook::id).toList();
            assertThat(ids).hasSize(5);
            for (String id : ids) {
                Map<String, String> answers = new HashMap<>(Map.of(
                        "app_name", "Report " + id, "contact_email", "sfadmins@example.com",
                        "tenant_domain", "acme.serviceboard.example.com", "run_as_user", "integration@acme.example.org",
                        "callback_url", "https://client.example.com/oauth/callback"));
                Person inThread = alice.inThread("thread-" + id); // one request per conversation
                Walks.toTheSummary(inThread, id, "demo", answers);
                inThread.confirms();
                inThread.awaits("Done: Report " + id);
            }
            Person admin = bot.chat().as("admin");
            String posture = admin.says("posture demo").text();
            admin.says("digest demo");
            String digest = admin.awaits("Details:").text();
            digest = digest.substring(digest.indexOf("Putting the digest together"));

            dev.ecabot.posture.PosturePolicy.install(new dev.ecabot.posture.PosturePolicy(
                    dev.ecabot.posture.PostureRules.shipped(), dev.ecabot.inventory.InventorySettings.defaults()));
            new dev.ecabot.digest.Digests(bot.database().dataSource(), bot.orgClients(), null, bot.clock())
                    .sendScheduled(bot.chat()); // no channel configured: the owners' messages only
            String owners = alice.awaits("Your ECA apps this week").text();
            owners = owners.substring(owners.lastIndexOf("Your ECA apps this week"));

            for (String id : ids) assertThat(posture).contains("Report_" + id.replace("-", ""));
            assertThat(owners).contains("Posture findings");
            assertThat(posture).contains("Posture in demo: 5 app(s)");
            assertThat(digest).contains("Weekly ECA digest for demo: 5 app(s); 5 new, 0 drifted;");
            Path out = Path.of("target", "inventory-reports.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, "$ posture demo\n" + posture + "\n\n$ digest demo\n" + digest
                    + "\n\n(weekly, to test:alice, owner of the five apps)\n" + owners + "\n");
        }
    }
}
