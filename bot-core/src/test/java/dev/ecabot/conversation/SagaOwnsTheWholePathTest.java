package dev.ecabot.conversation;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.TestBot.SagaKillPoint;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing the secret in the vault and scheduling the new app's reminders are steps of the provisioning saga, recorded
 * like the deploy: a bot whose process dies between the deploy and the seal, or between the seal and the reminders,
 * picks the request up after a restart and leaves exactly one sealed secret, one reveal offer and one set of
 * reminders, as an uninterrupted request does. On the demo org (the emulator) with the real saga, vault and scheduler.
 */
class SagaOwnsTheWholePathTest {

    private static final ChatUserRef ALICE = ChatUserRef.parse("test:alice");
    private static final Map<String, String> HOSTED_MCP = Map.of("app_name", "Claude MCP", "contact_email",
            "ops@example.com", "require_secret", "yes", "refresh_token_days", "10");

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withReminders());
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void stop() {
        bot.close();
    }

    @ParameterizedTest(name = "killed {0}")
    @EnumSource(SagaKillPoint.class)
    void aBotKilledBetweenTheDeployTheSealAndTheRemindersResumesToOneSecretOneOfferAndOneSetOfReminders(SagaKillPoint point) {
        bot.killTheBotInTheSaga(point);
        Walks.toTheSummary(alice, "salesforce-hosted-mcp", "demo", HOSTED_MCP);
        alice.confirms();
        bot.chat().awaitTheKill();

        bot.restart().afterTheLeasesOfTheOldInstanceExpire();
        assertThat(bot.engine().resumeInterruptedProvisioning()).as("requests taken over after the restart").isEqualTo(1);

        Transcript done = alice.awaits("I will remind you");
        assertThat(done.text()).contains("picking up where it stopped");
        assertThat(alice.everything().messages().stream().filter(RevealOffer.class::isInstance))
                .as("reveal offers posted").hasSize(1);
        assertThat(sealedOffers()).as("secrets sealed in the vault for the request").isEqualTo(1);
        List<Reminder> reminders = bot.reminders().forUser(ALICE);
        assertThat(reminders).extracting(Reminder::kind).as("one set of reminders").containsExactly(
                ReminderKind.APP_USABLE, ReminderKind.REVEAL_EXPIRING, ReminderKind.CHECKLIST_OPEN,
                ReminderKind.REFRESH_TOKEN_EXPIRING);
        assertThat(reminders.stream().filter(r -> r.kind() == ReminderKind.REVEAL_EXPIRING))
                .as("the reveal reminder is the sealed offer's").singleElement()
                .satisfies(r -> assertThat(r.id()).contains(done.last(RevealOffer.class).offerId()));
        alice.revealsSecret();
        assertThat(alice.revealed()).singleElement().satisfies(r -> assertThat(r.secret().reveal())
                .isEqualTo(bot.emulatedOrg().emulator().org().consumer("Claude_MCP").orElseThrow().secret()));
        assertThat(bot.emulatedOrg().emulator().org().apps()).as("apps made for one request").hasSize(1);
        assertThat(bot.engine().resumeInterruptedProvisioning()).as("nothing left to resume").isZero();
    }

    private long sealedOffers() {
        try (var c = bot.database().dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM reveal_offers")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
