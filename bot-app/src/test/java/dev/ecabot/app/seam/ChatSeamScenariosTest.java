package dev.ecabot.app.seam;

import dev.ecabot.app.seam.ChatDriver.Button;
import dev.ecabot.app.seam.ChatDriver.ButtonKind;
import dev.ecabot.app.seam.ChatDriver.Capability;
import dev.ecabot.app.seam.ChatDriver.Fault;
import dev.ecabot.app.seam.ChatDriver.Refusal;
import dev.ecabot.app.seam.ChatDriver.Send;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10's promise, "exactly once at the chat seam", tried the same way on every chat platform: one scenario,
 * written once, run through the terminal, Slack and Teams, each through its real inbound entry point and its fake
 * (see {@link ChatDriver}). Every scenario ends with the same figures ({@link SeamFigures}): secrets lost 0, secrets
 * shown to anyone but their requester 0, messages lost or doubled 0, answers later than the platform's deadline 0.
 * A scenario a platform cannot have (a 429 in the terminal) is skipped on it with the reason.
 */
class ChatSeamScenariosTest {

    /** The platforms, each with how to start its driver on a world. */
    enum Platform {
        TERMINAL("terminal", TerminalDriver::granteeOf),
        SLACK("slack", SlackDriver::granteeOf),
        TEAMS("teams", TeamsDriver::granteeOf);

        final String id;
        final Function<String, String> grantee;

        Platform(String id, Function<String, String> grantee) {
            this.id = id;
            this.grantee = grantee;
        }

        ChatDriver start(SeamWorld world, Path dir) {
            return switch (this) {
                case TERMINAL -> new TerminalDriver(world, dir.resolve("terminal-data"));
                case SLACK -> new SlackDriver(world);
                case TEAMS -> new TeamsDriver(world);
            };
        }
    }

    /** Pressed twice one after the other, or several times at the same moment. */
    enum Presses { TWICE, AT_ONCE }

    static final String ALICE = "alice";   // asks for apps
    static final String BOB = "bob";       // approves
    static final String CAROL = "carol";   // asks too, but these apps are not hers

    @TempDir
    Path dir;
    SeamWorld world;
    ChatDriver chat;

    @AfterEach
    void stop() {
        if (chat != null) chat.close();
        if (world != null) world.close();
    }

    ChatDriver start(Platform platform) {
        world = new SeamWorld(dir, platform.id, platform.grantee::apply);
        chat = platform.start(world, dir);
        return chat;
    }

    static Stream<Arguments> platformsAndFaults() {
        return Arrays.stream(Platform.values()).flatMap(p -> Arrays.stream(Fault.values()).map(f -> Arguments.of(p, f)));
    }

    static Stream<Arguments> platformsAndRefusals() {
        return Arrays.stream(Platform.values()).flatMap(p -> Arrays.stream(Refusal.values()).map(r -> Arguments.of(p, r)));
    }

    static Stream<Arguments> platformsAndPresses() {
        return Arrays.stream(Platform.values()).flatMap(p -> Arrays.stream(Presses.values()).map(m -> Arguments.of(p, m)));
    }

    // ---- faults on every kind of send -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("platformsAndFaults")
    void aQuestionConfirmationProgressAndRevealOfferThatMeetAFaultEachArriveOnceAndTheSecretIsShownOnce(Platform platform,
                                                                                                        Fault fault) {
        needs(start(platform), Capability.FAULTY_SENDS, "the terminal prints within the turn: there is no send to rate-limit or fail");
        int times = fault == Fault.RATE_LIMITED ? 1 : 2;
        for (Send send : List.of(Send.QUESTION, Send.CONFIRMATION, Send.PROGRESS, Send.REVEAL_OFFER)) chat.fail(send, fault, times);

        askUpToTheConfirmation("altify-mcp", "Altify MCP", "Altify_MCP");
        chat.click(ALICE, awaitButton(ALICE, ButtonKind.CREATE));
        revealAsTheRequester();

        assertThat(world.apps()).as("apps made").isEqualTo(1);
        assertThat(secretViews(ALICE)).as("the secret shown to alice").isEqualTo(1);
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "faults on every send (" + fault + ")");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("platformsAndFaults")
    void anApprovalCardAndTheApproversDirectMessageThatMeetAFaultStillReachTheApproverOnce(Platform platform, Fault fault) {
        needs(start(platform), Capability.FAULTY_SENDS, "the terminal prints within the turn: there is no send to rate-limit or fail");
        chat.say(BOB, "help"); // the approver has met the bot (Teams can only write first to people it knows)
        chat.fail(Send.APPROVAL_CARD, fault, fault == Fault.RATE_LIMITED ? 1 : 2);
        chat.fail(Send.DIRECT_MESSAGE, fault, 1);

        askForAnAppThatNeedsApproval();
        chat.click(BOB, awaitButton(BOB, ButtonKind.APPROVE));
        revealAsTheRequester();

        assertThat(world.apps()).isEqualTo(1);
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "faults on the approval card and DM (" + fault + ")");
    }

    // ---- prompt references -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Platform.class)
    void questionsNamedApprovalRevealAndConfirmAreAnsweredLikeAnyOtherAndTheAppIsMadeAndRevealed(Platform platform) {
        start(platform);
        askUpToTheConfirmation(dev.ecabot.testing.ReservedWordsPlaybook.ID, "Reserved Words", "Reserved_Words");
        chat.answer(ALICE, "yes");     // question "approval"
        chat.answer(ALICE, "refresh"); // question "reveal"
        chat.answer(ALICE, "no");      // question "confirm"

        chat.click(ALICE, awaitButton(ALICE, ButtonKind.CREATE));
        revealAsTheRequester();

        assertThat(world.apps()).as("apps made").isEqualTo(1);
        assertThat(String.join("\n", chat.seen(ALICE))).as("what alice saw")
                .doesNotContain("approver role", "earlier question", "Nothing to reveal", "I do not know the command");
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "questions named like the bot's buttons");
    }

    // ---- double and concurrent clicks -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("platformsAndPresses")
    void revealPressedTwiceOrAtOnceShowsTheSecretOnceToTheRequester(Platform platform, Presses presses) {
        start(platform);
        if (presses == Presses.AT_ONCE) needs(chat, Capability.CONCURRENT_CLICKS, CONCURRENT_REASON);
        makeAnApp();

        Button reveal = awaitButton(ALICE, ButtonKind.REVEAL);
        press(ALICE, reveal, presses);

        await().atMost(Duration.ofSeconds(30)).until(() -> secretViews(ALICE) >= 1);
        assertThat(secretViews(ALICE)).as("the secret is shown once, however often Reveal is pressed").isEqualTo(1);
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "Reveal pressed " + presses);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("platformsAndPresses")
    void createItPressedTwiceOrAtOnceMakesOneApp(Platform platform, Presses presses) {
        start(platform);
        if (presses == Presses.AT_ONCE) needs(chat, Capability.CONCURRENT_CLICKS, CONCURRENT_REASON);
        askUpToTheConfirmation("altify-mcp", "Altify MCP", "Altify_MCP");

        press(ALICE, awaitButton(ALICE, ButtonKind.CREATE), presses);
        revealAsTheRequester();

        assertThat(world.apps()).as("apps made").isEqualTo(1);
        if (chat.capabilities().contains(Capability.CONCURRENT_CLICKS)) { // the terminal forgets an answered prompt:
            assertThat(told(ALICE, "this one changed nothing")).as("each extra press is told, once") // its second word is just a word
                    .isBetween(1L, extraPresses(presses));
        }
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "Create it pressed " + presses,
                "this one changed nothing");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("platformsAndPresses")
    void approvePressedTwiceOrAtOnceDecidesOnceAndMakesOneApp(Platform platform, Presses presses) {
        start(platform);
        if (presses == Presses.AT_ONCE) needs(chat, Capability.CONCURRENT_CLICKS, CONCURRENT_REASON);
        chat.say(BOB, "help");
        askForAnAppThatNeedsApproval();

        press(BOB, awaitButton(BOB, ButtonKind.APPROVE), presses);
        revealAsTheRequester();

        assertThat(world.apps()).as("apps made").isEqualTo(1);
        if (chat.capabilities().contains(Capability.CONCURRENT_CLICKS)) { // the terminal forgets an answered prompt:
            assertThat(told(BOB, "was already approved")).as("each extra press is told, once") // its second word is just a word
                    .isBetween(1L, extraPresses(presses));
        }
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "Approve pressed " + presses, "was already approved");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("platformsAndPresses")
    void anUpdateConfirmedTwiceOrAtOnceRedeploysOnceWithOnlyTheChangedAnswer(Platform platform, Presses presses) {
        start(platform);
        if (presses == Presses.AT_ONCE) needs(chat, Capability.CONCURRENT_CLICKS, CONCURRENT_REASON);
        makeAnApp();
        revealAsTheRequester();
        long deploys = deploys();

        chat.say(BOB, "update Altify_MCP"); // bob administers: the app's questions again, today's answers kept
        chat.answer(BOB, "keep");
        chat.answer(BOB, "keep");
        chat.answer(BOB, "Pilot for the support and sales teams");
        Button update = awaitButton(BOB, ButtonKind.CREATE); // the confirmation of the changes
        assertThat(chat.seen(BOB)).as("the change, old and new (Slack escapes the arrow)").anySatisfy(text -> assertThat(text)
                .contains("Pilot for the support team -", "Pilot for the support and sales teams"));
        press(BOB, update, presses);
        await().atMost(Duration.ofSeconds(30)).until(() -> told(BOB, "Updated Altify_MCP in acme") > 0);

        assertThat(deploys()).as("redeploys").isEqualTo(deploys + 1);
        assertThat(world.org.emulator().org().component("ExternalClientApplication", "Altify_MCP").orElseThrow().toString())
                .contains("Pilot for the support and sales teams");
        assertThat(world.apps()).as("still one app").isEqualTo(1);
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "an update confirmed " + presses,
                "this one changed nothing");
    }

    long deploys() {
        return world.org.emulator().org().calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().endsWith("/metadata/deployRequest")).count();
    }

    static final String CONCURRENT_REASON = "one keyboard types one line after the other: the terminal has no two clicks "
            + "at the same moment (pressing twice is the sequential case)";

    // ---- duplicate inbound deliveries -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Platform.class)
    void aDeliveryThePlatformRetriesIsTakenOnceAndNeverBecomesAnAnswer(Platform platform) {
        needs(start(platform), Capability.REDELIVERY, "a line typed at the keyboard is read once: nothing delivers it again");

        chat.say(ALICE, "new altify-mcp acme");
        chat.redeliverLast(); // Slack: the same event_id with X-Slack-Retry-Num; Teams: the same activity id
        chat.answer(ALICE, "Altify MCP");
        chat.answer(ALICE, "Altify_MCP");
        chat.answer(ALICE, "alice@example.com");
        chat.answer(ALICE, "Pilot for the support team");
        chat.click(ALICE, awaitButton(ALICE, ButtonKind.CREATE));
        revealAsTheRequester();

        assertThat(world.org.emulator().org().app("Altify_MCP")).as("the retried 'new' did not become the app's name")
                .isPresent();
        assertThat(world.apps()).isEqualTo(1);
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "a retried delivery");
    }

    // ---- someone else's click -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Platform.class)
    void aStrangersClickInAChannelOnSomeoneElsesConfirmationOrRevealChangesNothingAndShowsThemNothing(Platform platform) {
        start(platform);
        chat.say(CAROL, "help"); // carol has met the bot: a refusal can reach her privately
        chat.sayInChannel(ALICE, "new altify-mcp acme"); // alice asks where carol reads along
        chat.answer(ALICE, "Altify MCP");
        chat.answer(ALICE, "Altify_MCP");
        chat.answer(ALICE, "alice@example.com");
        chat.answer(ALICE, "Pilot for the support team");
        Button create = awaitButton(ALICE, ButtonKind.CREATE);

        clickAndAwaitAnAnswerTo(CAROL, create);
        assertThat(world.apps()).as("carol's click made nothing").isZero();

        chat.click(ALICE, create); // the confirmation is still alice's to press
        Button reveal = awaitButton(ALICE, ButtonKind.REVEAL);
        clickAndAwaitAnAnswerTo(CAROL, reveal);
        revealAsTheRequester();

        String carol = chat.grantee(CAROL).substring(chat.grantee(CAROL).indexOf(':') + 1).toLowerCase(Locale.ROOT);
        assertThat(chat.seen(ALICE)).as("nothing alice sees was rewritten by carol's clicks")
                .noneMatch(text -> text.toLowerCase(Locale.ROOT).contains(carol));
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "a stranger's clicks");
    }

    // ---- a slow platform ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Platform.class)
    void theAnswerToWhatSomeoneDidDoesNotWaitForASlowPlatform(Platform platform) {
        needs(start(platform), Capability.FAULTY_SENDS, "the terminal is its own screen: there is no platform to be slow");
        askUpToTheConfirmation("altify-mcp", "Altify MCP", "Altify_MCP");
        Button create = awaitButton(ALICE, ButtonKind.CREATE);

        chat.slow(true); // Slack: every Web API call takes 5 s; Teams: the connector answers nothing until released
        ChatDriver.Answer said = chat.say(ALICE, "help");
        ChatDriver.Answer clicked = chat.click(ALICE, create);
        chat.slow(false);
        revealAsTheRequester();

        assertThat(List.of(said, clicked)).allSatisfy(a -> assertThat(a.took()).isLessThan(chat.deadline()));
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "a slow platform");
    }

    // ---- payloads at and over each platform's limits ----------------------------------------------------------------

    /** Markup a requester could type to disguise a link: Slack's {@code <url|words>}, markdown's {@code [words](url)}. */
    static final String MARKUP = "<https://evil.example|x> [link](https://evil.example)";

    /**
     * A reason of nearly the 2,000 characters the bot takes, made of what grows when it is escaped ({@code &}, {@code <},
     * {@code >}, brackets): Slack's escaped section passes its 3,000 characters.
     */
    static String longestReason() {
        StringBuilder reason = new StringBuilder();
        while (reason.length() < 1_900) reason.append("R&D <&> ").append(MARKUP).append(" & more & more; ");
        return reason.toString();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Platform.class)
    void anApprovalCardWithTheLongestReasonAndLinkMarkupReachesTheApproverWithinTheLimitsAndShowsNoLink(Platform platform) {
        start(platform);
        chat.say(BOB, "help");
        askUpToTheConfirmation("vonage-ai-studio", "Vonage Prod", "Vonage_Prod", "Pilot " + MARKUP);
        chat.click(ALICE, awaitButton(ALICE, ButtonKind.CREATE));
        chat.answer(ALICE, longestReason());

        Button approve = awaitButton(BOB, ButtonKind.APPROVE);
        assertThat(chat.overLimit()).as("sends the platform refused for a limit").isEmpty();
        assertThat(String.join("\n", chat.seen(BOB))).as("the approver reads the words as typed").contains("evil.example");
        assertThat(chat.disguisedLinks(BOB)).as("links made of the requester's words, in the approver's card").isEmpty();
        chat.click(BOB, approve);
        revealAsTheRequester();

        assertThat(chat.overLimit()).as("sends the platform refused for a limit").isEmpty();
        assertThat(chat.disguisedLinks(ALICE)).as("links made of her own words, shown to alice").isEmpty();
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "the longest reason, with link markup");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Platform.class)
    void anInventoryOfHundredsOfAppsWithLongLabelsComesAPageAtATimeWithinThePlatformsLimits(Platform platform) {
        start(platform);
        world.inventoryOf(240, "a label as long as people write them, with " + MARKUP + " in it, for the app");

        chat.say(BOB, "inventory acme"); // bob administers: he sees every app
        await().atMost(Duration.ofSeconds(30)).until(() -> told(BOB, "240 apps") > 0);
        chat.say(BOB, "inventory acme page 16");
        await().atMost(Duration.ofSeconds(30)).until(() -> told(BOB, "226-240") > 0);

        assertThat(chat.overLimit()).as("sends the platform refused for a limit").isEmpty();
        assertThat(chat.disguisedLinks(BOB)).as("links made of the apps' labels").isEmpty();
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, BOB, "an inventory of 240 apps with long labels");
    }

    // ---- sends the platform refuses for good (Slack ok:false, Teams 4xx) ---------------------------------------------

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("platformsAndRefusals")
    void anApprovalCardThePlatformRefusesIsGivenUpAtOnceAndTheRequesterIsToldSoNotThatTheApproversHaveIt(Platform platform,
                                                                                                        Refusal refusal) {
        needs(start(platform), Capability.FAULTY_SENDS, "the terminal prints within the turn: nothing refuses a message");
        chat.say(BOB, "help");
        chat.refuse(Send.APPROVAL_CARD, refusal, 1);
        askForAnAppThatNeedsApproval();

        awaitTold(ALICE, "could not be shown to");
        awaitTold(BOB, "I could not deliver the approval card"); // the approver it was for
        awaitTold(BOB, "For the bot's admins: I gave up delivering the approval card"); // bob administers too
        assertThat(chat.attempts(Send.APPROVAL_CARD)).as("a refusal for good is not tried again").isEqualTo(1);
        assertThat(chat.seen(ALICE)).as("what alice was told").noneMatch(t -> t.contains("I showed it to the approvers"));

        chat.say(BOB, "approve " + requestId()); // as his notice says: the request itself waits for him
        revealAsTheRequester();

        assertThat(world.apps()).isEqualTo(1);
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "an approval card refused (" + refusal + ")",
                null, 1);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("platformsAndRefusals")
    void aRevealOfferThePlatformRefusesIsGivenUpAtOnceAndTheSecretStillReachesTheRequesterOnce(Platform platform,
                                                                                               Refusal refusal) {
        needs(start(platform), Capability.FAULTY_SENDS, "the terminal prints within the turn: nothing refuses a message");
        chat.say(BOB, "help"); // the admin has met the bot (Teams can only write first to people it knows)
        chat.refuse(Send.REVEAL_OFFER, refusal, 1);
        makeAnApp();

        awaitTold(ALICE, "I could not deliver the Reveal button");
        awaitTold(BOB, "For the bot's admins: I gave up delivering the Reveal button");
        assertThat(chat.attempts(Send.REVEAL_OFFER)).as("a refusal for good is not tried again").isEqualTo(1);
        chat.say(ALICE, "reveal"); // as her notice says: the secret waits in the vault, the button comes again
        revealAsTheRequester();

        assertThat(secretViews(ALICE)).as("the secret shown to alice").isEqualTo(1);
        SeamFigures.assertNoneLostLeakedDoubledOrLate(chat, world, ALICE, "a Reveal offer refused (" + refusal + ")",
                null, 1);
    }

    void awaitTold(String person, String words) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> told(person, words) > 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(person + " was never told \"" + words + "\" on " + chat.platform() + "; they saw:\n"
                    + String.join("\n---\n", chat.seen(person)), e);
        }
    }

    /** The id of alice's approval request, from what she was told ("Request 7f3a... is waiting for approval"). */
    String requestId() {
        java.util.regex.Pattern said = java.util.regex.Pattern.compile("Request `?([A-Za-z0-9_-]+)`? is waiting for approval");
        return chat.seen(ALICE).stream().map(said::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("alice was never told her request's id: " + chat.seen(ALICE)));
    }

    // ---- helpers: the same words on every platform ----------------------------------------------------------------

    void needs(ChatDriver driver, Capability capability, String reasonWhenMissing) {
        Assumptions.assumeTrue(driver.capabilities().contains(capability), () -> driver.platform() + " cannot have this scenario: "
                + reasonWhenMissing);
    }

    /** Alice asks for an app in acme and answers every question, up to the confirmation with its Create button. */
    void askUpToTheConfirmation(String playbook, String name, String apiName) {
        askUpToTheConfirmation(playbook, name, apiName, "Pilot for the support team");
    }

    void askUpToTheConfirmation(String playbook, String name, String apiName, String description) {
        chat.say(ALICE, "new " + playbook + " acme");
        chat.answer(ALICE, name);
        chat.answer(ALICE, apiName);
        chat.answer(ALICE, "alice@example.com");
        chat.answer(ALICE, description);
    }

    /** Alice asks for a Vonage app (one approval needed), confirms and gives her reason: bob gets the card. */
    void askForAnAppThatNeedsApproval() {
        askUpToTheConfirmation("vonage-ai-studio", "Vonage Prod", "Vonage_Prod");
        chat.click(ALICE, awaitButton(ALICE, ButtonKind.CREATE));
        chat.answer(ALICE, "Voice bot for the support team");
    }

    void makeAnApp() {
        askUpToTheConfirmation("altify-mcp", "Altify MCP", "Altify_MCP");
        chat.click(ALICE, awaitButton(ALICE, ButtonKind.CREATE));
    }

    /** Alice presses the newest Reveal button she got, and the secret reaches her. */
    void revealAsTheRequester() {
        chat.click(ALICE, awaitButton(ALICE, ButtonKind.REVEAL));
        await().atMost(Duration.ofSeconds(30)).until(() -> secretViews(ALICE) >= 1);
    }

    Button awaitButton(String viewer, ButtonKind kind) {
        try {
            return await().atMost(Duration.ofSeconds(30)).until(() -> chat.button(viewer, kind), java.util.Optional::isPresent).get();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(viewer + " never got a " + kind + " button on " + chat.platform() + "; shown:\n"
                    + String.join("\n---\n", chat.shown().stream().map(v -> v.viewer() + ": " + v.text()).toList()), e);
        }
    }

    static final int AT_ONCE = 3;

    static long extraPresses(Presses presses) {
        return presses == Presses.AT_ONCE ? AT_ONCE - 1 : 1;
    }

    /** How many things shown to {@code person} say {@code words}. */
    long told(String person, String words) {
        return chat.seen(person).stream().filter(text -> text.contains(words)).count();
    }

    void press(String person, Button button, Presses presses) {
        if (presses == Presses.AT_ONCE) {
            chat.clickAtOnce(person, button, AT_ONCE);
        } else {
            chat.click(person, button);
            chat.click(person, button);
        }
    }

    /** {@code person} presses {@code button} and is answered (privately, or in their own chat). */
    void clickAndAwaitAnAnswerTo(String person, Button button) {
        int before = chat.seen(person).size();
        chat.click(person, button);
        await().atMost(Duration.ofSeconds(30)).until(() -> chat.seen(person).size() > before);
    }

    /** How many views showed {@code person} any app's secret. */
    long secretViews(String person) {
        List<String> secrets = world.secrets();
        return chat.seen(person).stream().filter(text -> secrets.stream().anyMatch(text::contains)).count();
    }
}
