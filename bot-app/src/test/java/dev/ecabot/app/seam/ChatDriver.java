package dev.ecabot.app.seam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One chat platform as the scenario suite ({@link ChatSeamScenariosTest}) drives it: people (alice, bob, carol) say
 * things and press buttons through the platform's real inbound entry point, and the driver reads back what each of
 * them saw from the platform's side (the fake Slack Web API's calls, the fake Bot Connector's activities, the
 * terminal's screen). A driver never calls the engine itself. Thread-safe where it says so.
 */
interface ChatDriver extends AutoCloseable {

    /** What a platform can be made to do; a scenario needing something a platform lacks is skipped with the reason. */
    enum Capability {
        /** Sends can be rate-limited (429 + Retry-After), fail (5xx) or be slow: the platform is reached over a network. */
        FAULTY_SENDS,
        /** The platform delivers an inbound request again (Slack retries, Teams retries with the same activity id). */
        REDELIVERY,
        /** Two clicks can arrive at the same moment (several people or windows; not one keyboard). */
        CONCURRENT_CLICKS
    }

    /** The kinds of send the bot makes, each of which can be made to fail. */
    enum Send { QUESTION, CONFIRMATION, PROGRESS, REVEAL_OFFER, APPROVAL_CARD, DIRECT_MESSAGE }

    /** Faults that pass: the same send works later (429 with Retry-After, 5xx). */
    enum Fault { RATE_LIMITED, SERVER_ERROR }

    /**
     * Refusals for good, as each platform says them: the payload itself (Slack {@code invalid_blocks}, Teams 400
     * BadArgument), a place that is gone (Slack {@code channel_not_found}, Teams 404 ConversationNotFound), a place the
     * bot may not post to (Slack {@code not_in_channel}, Teams 403 BotNotInConversationRoster). Trying again cannot help.
     */
    enum Refusal { INVALID_PAYLOAD, PLACE_NOT_FOUND, NOT_ALLOWED }

    /** The kinds of button a person presses in the scenarios. */
    enum ButtonKind { CREATE, REVEAL, APPROVE }

    /** How the platform answered one inbound request (status -1: no answer at all) and how long it took. */
    record Answer(int status, Duration took) {
    }

    /** A button as {@code viewer} saw it; {@code handle} is the driver's own reference to the rendered message. */
    record Button(ButtonKind kind, String viewer, Object handle) {
    }

    /** Something shown to {@code viewer} (a message, an edit, a private answer, a dialog), as plain searchable text. */
    record Shown(String viewer, String text) {
    }

    String platform();

    /** The roles entry naming {@code person} on this platform ("slack:U0BOB0001", "terminal:bob"). */
    String grantee(String person);

    /** How long this platform waits for the bot's answer to an inbound request; null when it waits as long as it takes. */
    Duration deadline();

    Set<Capability> capabilities();

    /** {@code person} writes {@code text} to the bot in their direct chat with it. */
    Answer say(String person, String text);

    /**
     * {@code person} writes {@code text} to the bot in the team's channel, where everyone can see what the bot answers
     * and press its buttons.
     */
    Answer sayInChannel(String person, String text);

    /** {@code person} answers the question on their screen the way the platform lets them (a form, a button, a line). */
    Answer answer(String person, String value);

    /** The newest button of {@code kind} shown to {@code viewer}. */
    Optional<Button> button(String viewer, ButtonKind kind);

    /** {@code person} presses {@code button} (which may have been shown to someone else). */
    Answer click(String person, Button button);

    /** The platform delivers the last inbound request again, as its retry does. */
    Answer redeliverLast();

    /** Everything shown to {@code person}, oldest first. */
    List<String> seen(String person);

    /** Everything shown to anyone, with who saw it: the figures look for secrets here. */
    List<Shown> shown();

    /** The messages the platform accepted and posted, as "place | content": the same line twice is a doubled message. */
    List<String> delivered();

    /** Every inbound answer so far. */
    List<Answer> answers();

    /** The next {@code times} sends of {@code kind} meet {@code fault}. */
    void fail(Send kind, Fault fault, int times);

    /** The next {@code times} sends of {@code kind} are refused for good, the way this platform refuses them. */
    void refuse(Send kind, Refusal refusal, int times);

    /** How often the bot tried to send {@code kind} so far, taken or refused: a refusal for good is tried once. */
    int attempts(Send kind);

    /** What the platform refused because it broke one of its limits (which limit, where), oldest first. */
    List<String> overLimit();

    /**
     * Links shown to {@code viewer} whose visible words are not where they lead ("x" leading to https://evil.example):
     * what markup in someone's text becomes when it is not escaped. A bare address shown as itself is not one.
     */
    List<String> disguisedLinks(String viewer);

    /** From now on every send waits (true) until the platform is fast again (false). */
    void slow(boolean on);

    /** Messages the bot has not delivered yet, or gave up on (its outbox), 0 for a platform without one. */
    int undelivered();

    @Override
    void close();

    /** {@code person} presses {@code button} {@code times} times at the same moment (several windows, a jittery mouse). */
    default List<Answer> clickAtOnce(String person, Button button, int times) {
        ExecutorService clickers = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Answer>> clicks = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                clicks.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return click(person, button);
                }, clickers));
            }
            go.countDown();
            return clicks.stream().map(CompletableFuture::join).toList();
        } finally {
            clickers.shutdownNow();
        }
    }
}
