package dev.ecabot.conversation.inventory;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.salesforce.DeployOptions;
import dev.ecabot.salesforce.DeployProgressListener;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Test steps on the emulated demo org: make an app through the chat, or change one behind the bot's back. */
final class DemoOrgApps {

    /** Everyone in the test chat requests, bob approves, "admin" administers. */
    static final RolesConfig ROLES = new RolesConfig(List.of(Grantee.parse("test:*")), List.of(Grantee.parse("test:bob")),
            List.of(Grantee.parse("test:admin")));

    private DemoOrgApps() {
    }

    /** The bot on the emulated demo org with {@link #ROLES} and a reminder scheduler (not started). */
    static TestBot bot() {
        return TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(ROLES).withReminders());
    }

    /** Walks the Vonage playbook in demo as {@code person}, answering the label, to its end; returns the inventory row. */
    static InventoryApp vonageMadeBy(TestBot bot, Person person, String label) {
        person.says("I need a Vonage app in demo");
        person.says(label);
        person.says("");
        person.says("ops@example.com");
        person.says("");
        person.confirms();
        String apiName = label.replace(' ', '_');
        person.awaits("Consumer key and secret of " + apiName);
        // Provisioning ends by scheduling the app's follow-up reminders (at least the reveal offer's expiry).
        await().atMost(Duration.ofSeconds(10)).until(() -> !bot.reminders().forApp("demo", apiName).isEmpty());
        return new InventoryAppRepository(bot.database().dataSource()).find("demo", apiName).orElseThrow();
    }

    /** Deploys {@code spec} straight to the demo org, as an admin clicking in Setup would. */
    static void deployBehindTheBotsBack(TestBot bot, EcaSpec spec) {
        byte[] zip = new EcaMetadataWriter("68.0", MetadataFormat.METADATA_API).writeZip(spec);
        if (!bot.orgClients().forOrg("demo").metadata().deploy(zip, DeployOptions.realDeploy(), DeployProgressListener.NONE).succeeded()) {
            throw new AssertionError("the emulator refused the deploy of " + spec.apiName());
        }
    }
}
