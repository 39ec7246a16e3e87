package dev.ecabot.conversation.outbox;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatDeliveryException;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox between the engine and a chat platform that rate-limits, fails and refuses: what is posted arrives
 * once, in order, or the addressee and an admin are told in words.
 */
class OutboxTest {

    private static final ChatUser ALICE = new ChatUser("fake", "U-ALICE", "Alice", null);
    private static final ChatUser BOB = new ChatUser("fake", "U-BOB", "Bob", null);
    private static final ChatUser ADMIN = new ChatUser("fake", "U-ADMIN", "Ada Admin", null);
    private static final ChatAddress ALICE_HERE = new ChatAddress(ALICE, new ChatPlace("C-GENERAL", null));
    private static final ChatAddress BOB_HERE = new ChatAddress(BOB, new ChatPlace("C-OTHER", null));

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Database db = Database.inMemory("outbox-" + UUID.randomUUID());
    private final FlakyPlatform platform = new FlakyPlatform();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
        db.close();
    }

    private Outbox outbox(Outbox.Settings settings) {
        Outbox outbox = new Outbox(platform, db.dataSource(), settings);
        open.add(0, outbox);
        return outbox;
    }

    private static Outbox.Settings fast() {
        return Outbox.Settings.defaults().withFirstDelay(Duration.ofMillis(50)).withAdmins(() -> List.of(ADMIN));
    }

    @Test
    void aRateLimitedPostIsSentOnceAfterTheWaitThePlatformAskedFor() {
        Outbox outbox = outbox(fast()).start();
        platform.failNext(ALICE_HERE, new ChatDeliveryException("ratelimited", true, Duration.ofSeconds(1), null));

        outbox.post(ALICE_HERE, new RevealOffer("offer-1", "Vonage Prod", Instant.parse("2030-01-01T00:00:00Z")));

        await().until(() -> platform.delivered(ALICE_HERE).size() == 1);
        assertThat(platform.attempts(ALICE_HERE)).hasSize(2);
        Duration waited = Duration.between(platform.attempts(ALICE_HERE).get(0), platform.attempts(ALICE_HERE).get(1));
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        await().until(outbox::idle);
        assertThat(outbox.count("SENT")).isEqualTo(1);
        assertThat(outbox.count("DEAD")).isZero();
    }

    @Test
    void serverErrorsAreRetriedAndTheConversationKeepsItsOrder() {
        Outbox outbox = outbox(fast()).start();
        platform.failNext(ALICE_HERE, new ChatDeliveryException("http_500", true, null, null));
        platform.failNext(ALICE_HERE, new ChatDeliveryException("http_503", true, null, null));

        for (int i = 1; i <= 5; i++) outbox.post(ALICE_HERE, TextMessage.info("step " + i));

        await().until(() -> platform.delivered(ALICE_HERE).size() == 5);
        assertThat(platform.delivered(ALICE_HERE)).containsExactly("step 1", "step 2", "step 3", "step 4", "step 5");
    }

    @Test
    void oneRateLimitedConversationDoesNotHoldUpAnother() {
        Outbox outbox = outbox(fast()).start();
        platform.failNext(ALICE_HERE, new ChatDeliveryException("ratelimited", true, Duration.ofSeconds(5), null));

        outbox.post(ALICE_HERE, TextMessage.info("for alice"));
        outbox.post(BOB_HERE, TextMessage.info("for bob"));

        await().until(() -> platform.delivered(BOB_HERE).size() == 1);
        assertThat(platform.delivered(ALICE_HERE)).isEmpty(); // still waiting the 5 s Slack asked for
        await().until(() -> platform.delivered(ALICE_HERE).size() == 1);
    }

    @Test
    void aFileThePlatformRefusesIsNamedAndThePersonToldHowElseToGetIt() {
        Outbox outbox = outbox(fast()).start();
        platform.failNext(ALICE_HERE, new ChatDeliveryException("missing_scope", false, null, null));

        outbox.post(ALICE_HERE, new dev.ecabot.conversation.message.FileMessage("ecabot-inventory.csv", "text/csv", "a,b\n", ""));

        ChatAddress aliceDm = ChatAddress.directTo(ALICE);
        await().until(() -> platform.delivered(aliceDm).size() == 1);
        assertThat(platform.delivered(aliceDm).get(0)).contains("I could not deliver the file ecabot-inventory.csv to you")
                .contains("missing_scope").contains("`ecabot export` on the bot's host");
    }

    @Test
    void aPayloadThePlatformRefusesIsGivenUpAtOnceAndTheAddresseeAndAnAdminAreTold() {
        Outbox outbox = outbox(fast()).start();
        platform.failNext(ALICE_HERE, new ChatDeliveryException("invalid_blocks", false, null, null));

        outbox.post(ALICE_HERE, new RevealOffer("offer-1", "Vonage Prod", Instant.parse("2030-01-01T00:00:00Z")));

        ChatAddress aliceDm = ChatAddress.directTo(ALICE);
        ChatAddress adminDm = ChatAddress.directTo(ADMIN);
        await().until(() -> platform.delivered(aliceDm).size() == 1 && platform.delivered(adminDm).size() == 1);
        assertThat(platform.delivered(aliceDm).get(0)).contains("I could not deliver the Reveal button for Vonage Prod")
                .contains("invalid_blocks").contains("say \"reveal\" to get the button again");
        assertThat(platform.delivered(adminDm).get(0)).contains("Alice").contains("fake:U-ALICE").contains("invalid_blocks");
        assertThat(platform.attempts(ALICE_HERE)).hasSize(1);
        await().until(outbox::idle);
        assertThat(outbox.count("DEAD")).isEqualTo(1);
    }

    @Test
    void aPlatformThatKeepsFailingIsGivenUpAfterTheBoundedTime() {
        Outbox outbox = outbox(fast().withDeadAfter(Duration.ofMillis(1500))).start();
        platform.failAlways(ALICE_HERE, new ChatDeliveryException("http_502", true, null, null));

        outbox.post(ALICE_HERE, TextMessage.info("lost?"));

        await().until(() -> outbox.count("DEAD") == 1);
        assertThat(platform.attempts(ALICE_HERE).size()).isGreaterThan(1);
        await().until(() -> platform.delivered(ChatAddress.directTo(ADMIN)).size() == 1);
        assertThat(platform.delivered(ChatAddress.directTo(ADMIN)).get(0)).contains("http_502").contains("lost?");
    }

    @Test
    void anEditWaitsForItsMessageAndReplacesItByThePlatformsId() {
        Outbox outbox = outbox(fast()).start();
        platform.failNext(ALICE_HERE, new ChatDeliveryException("ratelimited", true, Duration.ofSeconds(1), null));

        MessageRef ref = outbox.post(ALICE_HERE, TextMessage.info("deploying"));
        outbox.edit(ref, TextMessage.info("deployed"));

        await().until(() -> platform.edits.size() == 1);
        assertThat(platform.edits.get(0)).isEqualTo(platform.idsOf("deploying") + " <- deployed");
    }

    @Test
    void aHomeChangedThreeTimesWhileWaitingIsShownAgainOnceAndAFailedOneTellsNobody() {
        Outbox stopped = new Outbox(platform, db.dataSource(), fast()); // not sending yet: the refreshes wait
        stopped.refreshHome(ALICE);
        stopped.refreshHome(ALICE);
        stopped.refreshHome(ALICE);
        stopped.post(ALICE_HERE, TextMessage.info("your app is ready"));
        stopped.close();

        outbox(fast()).start();

        await().until(() -> platform.homes.size() == 1 && platform.delivered(ALICE_HERE).size() == 1);
        assertThat(platform.homes).as("the newest refresh shows everything current").containsExactly(ALICE.key());

        Outbox sending = outbox(fast().withDeadAfter(Duration.ofMillis(200)));
        platform.homeFails = true;
        sending.refreshHome(BOB);
        await().until(() -> sending.count("DEAD") == 1);
        assertThat(platform.delivered(ChatAddress.directTo(BOB))).as("no notice about a tab").isEmpty();
        assertThat(platform.delivered(ChatAddress.directTo(ADMIN))).isEmpty();
        Outbox withoutHomes = new Outbox(new ChatPort() {
            @Override
            public MessageRef post(ChatAddress to, ChatMessage message) {
                throw new AssertionError("nothing to post");
            }

            @Override
            public void edit(MessageRef ref, ChatMessage message) {
                throw new AssertionError("nothing to edit");
            }

            @Override
            public void reveal(ChatAddress to, SecretReveal reveal) {
                throw new AssertionError("nothing to reveal");
            }
        }, db.dataSource(), fast());
        withoutHomes.refreshHome(ALICE);
        withoutHomes.close();
        assertThat(sending.count("PENDING")).as("a platform without homes queues nothing").isZero();
    }

    @Test
    void whatWasQueuedBeforeAStopIsSentAfterTheRestart() {
        Outbox stopped = new Outbox(platform, db.dataSource(), fast()); // never started: the process died
        stopped.post(ALICE_HERE, TextMessage.info("one"));
        stopped.post(ALICE_HERE, TextMessage.info("two"));
        stopped.close();
        assertThat(platform.delivered(ALICE_HERE)).isEmpty();

        outbox(fast()).start();

        await().until(() -> platform.delivered(ALICE_HERE).size() == 2);
        assertThat(platform.delivered(ALICE_HERE)).containsExactly("one", "two");
    }

    @Test
    void aSecretNeverWaitsInTheQueueNorIsWrittenDown() {
        Outbox outbox = outbox(fast()); // not even started: nothing queued is sent
        outbox.reveal(ALICE_HERE, new SecretReveal("Vonage Prod", dev.ecabot.vault.Secret.of("s3cr3t"), null));

        assertThat(platform.reveals).containsExactly("Vonage Prod");
        assertThat(outbox.count("PENDING")).isZero();
    }

    @Test
    void everyKindOfMessageSurvivesTheDatabase() {
        OutboxCodec codec = new OutboxCodec();
        Instant at = Instant.parse("2030-01-01T10:00:00Z");
        List<ChatMessage> all = List.of(
                TextMessage.warning("careful"),
                new ChoicePrompt("org", "Which org?", List.of(new Option("demo", "Demo", "the demo org")), "demo", null),
                new FormPrompt("f", "Title", List.of(new FormField("x", "X", FieldType.TEXT, "d", false, "help", List.of(), "bad"))),
                new Summary("S", List.of(new Fact("OAuth", "Scopes", "api")), List.of("w"), List.of("n")),
                new Confirmation("confirm", new Summary("S", List.of(), List.of(), List.of()), "Create", "Cancel"),
                new ProgressUpdate("Creating", List.of(new ProgressUpdate.Step("Deploy", ProgressUpdate.State.RUNNING, null))),
                new RevealOffer("o1", "Vonage Prod", at),
                new ApprovalCard("r1", "Vonage Prod", "prod", "vonage", List.of(new Fact(null, "Name", "Vonage_Prod")),
                        "slack:U1", "needed", at, "0123456789abcdef", ApprovalCard.Status.PENDING, null, null, null),
                new FileMessage("apps.csv", "text/csv", "a,b\n", "2 apps"));
        for (ChatMessage message : all) {
            assertThat(codec.readMessage(codec.write(message))).isEqualTo(message);
        }
        assertThat(codec.readAddress(codec.write(ALICE_HERE))).isEqualTo(ALICE_HERE);
    }

    /** A platform whose sends fail as scripted, per destination; records what arrived. */
    static final class FlakyPlatform implements ChatPort {
        private final Map<ChatAddress, Deque<RuntimeException>> failures = new ConcurrentHashMap<>();
        private final Map<ChatAddress, RuntimeException> always = new ConcurrentHashMap<>();
        private final Map<ChatAddress, List<String>> delivered = new ConcurrentHashMap<>();
        private final Map<ChatAddress, List<Instant>> attempts = new ConcurrentHashMap<>();
        private final Map<String, String> ids = new ConcurrentHashMap<>();
        final List<String> edits = new CopyOnWriteArrayList<>();
        final List<String> reveals = new CopyOnWriteArrayList<>();
        final List<String> homes = new CopyOnWriteArrayList<>();
        volatile boolean homeFails;

        @Override
        public boolean hasHomes(String platformName) {
            return true;
        }

        @Override
        public void refreshHome(ChatUser user) {
            if (homeFails) throw new ChatDeliveryException("views.publish failed", false, null, null);
            homes.add(user.key());
        }
        private final AtomicInteger next = new AtomicInteger();

        synchronized void failNext(ChatAddress to, RuntimeException failure) {
            failures.computeIfAbsent(to, k -> new ArrayDeque<>()).add(failure);
        }

        void failAlways(ChatAddress to, RuntimeException failure) {
            always.put(to, failure);
        }

        List<String> delivered(ChatAddress to) {
            return List.copyOf(delivered.getOrDefault(to, List.of()));
        }

        List<Instant> attempts(ChatAddress to) {
            return List.copyOf(attempts.getOrDefault(to, List.of()));
        }

        String idsOf(String text) {
            return ids.get(text);
        }

        @Override
        public MessageRef post(ChatAddress to, ChatMessage message) {
            attempts.computeIfAbsent(to, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
            RuntimeException failure = always.get(to);
            if (failure == null) {
                synchronized (this) {
                    Deque<RuntimeException> scripted = failures.get(to);
                    failure = scripted == null ? null : scripted.poll();
                }
            }
            if (failure != null) throw failure;
            String text = PlainText.render(message).strip();
            delivered.computeIfAbsent(to, k -> new CopyOnWriteArrayList<>()).add(text);
            String id = "m" + next.incrementAndGet();
            ids.put(text, id);
            return new MessageRef(to, id);
        }

        @Override
        public void edit(MessageRef ref, ChatMessage message) {
            edits.add(ref.id() + " <- " + PlainText.render(message).strip());
        }

        @Override
        public void reveal(ChatAddress to, SecretReveal reveal) {
            reveals.add(reveal.label());
        }
    }
}
