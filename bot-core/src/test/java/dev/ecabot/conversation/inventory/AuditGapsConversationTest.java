package dev.ecabot.conversation.inventory;

import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports, syncs that import nothing, and refused commands leave an audit event too. */
class AuditGapsConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person admin = bot.chat().as("admin");
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    private List<AuditEvent> trail() {
        return new AuditTrail(bot.database().dataSource()).recent(50);
    }

    @Test
    void anExportIsRecordedWithWhoAndHowMany() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        admin.says("export csv demo");
        assertThat(trail()).filteredOn(e -> e.kind() == AuditKind.EXPORT).singleElement().satisfies(e -> {
            assertThat(e.actor()).hasToString("test:admin");
            assertThat(e.org()).isEqualTo("demo");
            assertThat(e.detail()).isEqualTo("exported 1 app(s) of demo as csv in chat (consumer keys, no secrets)");
        });
    }

    @Test
    void aSyncThatFindsNothingNewIsStillRecorded() {
        admin.says("sync demo");
        admin.awaits("Sync of demo");
        assertThat(trail()).filteredOn(e -> e.kind() == AuditKind.SYNC).singleElement().satisfies(e -> {
            assertThat(e.actor()).hasToString("test:admin");
            assertThat(e.detail()).startsWith("synced: ").contains("0 imported, 0 drifted");
        });
    }

    @Test
    void aRefusedCommandIsRecordedWithWhoAskedAndForWhat() {
        assertThat(alice.says("audit").text()).contains("You may not run `audit`");
        assertThat(trail()).filteredOn(e -> e.kind() == AuditKind.REFUSAL).singleElement().satisfies(e -> {
            assertThat(e.actor()).hasToString("test:alice");
            assertThat(e.detail()).isEqualTo("refused: audit (no role allows it)");
        });
    }
}
