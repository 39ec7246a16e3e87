package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.outbox.Outbox;
import dev.ecabot.store.Database;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.PostgresTestDatabase;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ordinary chat turn is one transaction: its conversation state and the outbox rows of its replies commit
 * together. A turn that fails after saving its state (here: the reply after the save cannot be queued) leaves
 * neither the state nor any reply of the turn; the person is told, and the same message later is answered once.
 */
class TurnTransactionTest {

    private static final String GREETING = "Let's set up Altify MCP servers";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aTurnThatFailsAfterSavingItsStateLeavesNeitherTheStateNorItsRepliesAndTheRetryIsAnsweredOnce(String vendor) {
        Database db = vendor.equals("h2") ? Database.inMemory("turn-" + UUID.randomUUID())
                : PostgresTestDatabase.openFreshSchema();
        try (TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults(), db);
             Outbox outbox = new Outbox(bot.chat(), db.dataSource(), Outbox.Settings.defaults()).start()) {
            AtomicBoolean failing = new AtomicBoolean(true);
            bot.withPortAround(chat -> new FailsOnTheFirstQuestion(outbox, failing));
            Person alice = bot.chat().as("alice");

            alice.says("new altify-mcp demo"); // greets, saves the conversation at its first question, then fails
            alice.awaits("Something went wrong on my side");

            assertThat(rows(db, "SELECT COUNT(*) FROM conversation_state")).as("conversations saved").isZero();
            assertThat(alice.everything().text()).as("what alice saw").doesNotContain(GREETING);
            assertThat(rows(db, "SELECT COUNT(*) FROM chat_outbox")).as("outbox rows: only the failure notice").isEqualTo(1);

            failing.set(false);
            alice.says("new altify-mcp demo");
            alice.awaits("What should the app be called");

            assertThat(alice.everything().text().split(GREETING, -1)).as("greetings seen").hasSize(2);
            assertThat(rows(db, "SELECT COUNT(*) FROM conversation_state")).as("conversations saved").isEqualTo(1);
        }
    }

    private static int rows(Database db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox, except that queueing a form (the first question, sent after the state is saved) fails while asked. */
    private record FailsOnTheFirstQuestion(ChatPort outbox, AtomicBoolean failing) implements ChatPort {
        @Override
        public MessageRef post(ChatAddress to, ChatMessage message) {
            if (message instanceof FormPrompt && failing.get()) throw new IllegalStateException("the disk went away");
            return outbox.post(to, message);
        }

        @Override
        public void edit(MessageRef ref, ChatMessage message) {
            outbox.edit(ref, message);
        }

        @Override
        public void reveal(ChatAddress to, dev.ecabot.conversation.message.SecretReveal reveal) {
            outbox.reveal(to, reveal);
        }

        @Override
        public boolean serves(String platformName) {
            return outbox.serves(platformName);
        }
    }
}
