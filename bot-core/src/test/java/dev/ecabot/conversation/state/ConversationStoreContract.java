package dev.ecabot.conversation.state;

import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the conversation store promises on every database it runs on. */
abstract class ConversationStoreContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:12:00Z");

    private Database db;
    private ConversationStore store;

    abstract Database openDatabase();

    @BeforeEach
    void open() {
        db = openDatabase();
        store = new ConversationStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static ConversationState fresh(String user, String thread) {
        ConversationKey key = new ConversationKey("slack", user, thread);
        return ConversationState.start(key, new ChatUser("slack", user, "Name " + user, user + "@example.com"),
                new ChatPlace("D" + user, thread), T0);
    }

    @Test
    void aSavedConversationReadsBackWithItsAnswersInOrder() {
        ConversationState saved = store.save(fresh("U1", null).withPlaybook("vonage-ai-studio").withOrg("demo")
                .withAnswer("org", "demo").withAnswer("app_name", "Vonage Prod").withAnswer("description", "")
                .withStage(Stage.ANSWERING, "contact_email"));

        ConversationState read = store.find(saved.key()).orElseThrow();
        assertThat(read).isEqualTo(saved);
        assertThat(read.answers().keySet()).containsExactly("org", "app_name", "description");
        assertThat(read.user().email()).isEqualTo("U1@example.com");
        assertThat(read.place().threadKey()).isNull();
    }

    @Test
    void aStaleCopyCannotOverwriteANewerOne() {
        ConversationState first = store.save(fresh("U1", "T1"));
        store.save(first.withAnswer("app_name", "winner"));

        assertThatThrownBy(() -> store.save(first.withAnswer("app_name", "loser")))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(store.find(first.key()).orElseThrow().answers()).containsEntry("app_name", "winner");
        assertThatThrownBy(() -> store.save(fresh("U1", "T1"))).isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void threadsAndPeopleAreSeparateConversations() {
        store.save(fresh("U1", "T1").withAnswer("app_name", "one"));
        store.save(fresh("U1", "T2").withAnswer("app_name", "two"));
        store.save(fresh("U2", "T1").withAnswer("app_name", "three"));

        assertThat(store.find(new ConversationKey("slack", "U1", "T2")).orElseThrow().answers())
                .containsEntry("app_name", "two");
        assertThat(store.find(new ConversationKey("teams", "U1", "T1"))).isEmpty();
    }

    @Test
    void idleConversationsAreListedButProvisioningOnesAreNot() {
        store.save(fresh("U1", null));
        store.save(fresh("U2", null).withStage(Stage.PROVISIONING, null));
        ConversationState recent = fresh("U3", null);
        store.save(recent.touchedBy(recent.user(), recent.place(), T0.plus(Duration.ofMinutes(50))));

        assertThat(store.idleSince(T0.plus(Duration.ofMinutes(30)))).extracting(s -> s.key().userId())
                .containsExactly("U1");
        assertThat(store.inStage(Stage.PROVISIONING)).extracting(s -> s.key().userId()).containsExactly("U2");
    }

    @Test
    void deletingOnlyIfUnchangedLeavesAConversationSomeoneJustAnswered() {
        ConversationState read = store.save(fresh("U1", null));
        store.save(read.withAnswer("app_name", "just now"));

        assertThat(store.deleteIfUnchanged(read)).isFalse();
        assertThat(store.find(read.key())).isPresent();
        store.delete(read.key());
        assertThat(store.find(read.key())).isEmpty();
    }
}
