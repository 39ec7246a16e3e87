package dev.ecabot.app.seam;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four figures every scenario must leave at zero, measured the same way on every platform:
 * <ul>
 *   <li><b>secrets lost</b>: apps in the org whose consumer secret was never shown to their requester;</li>
 *   <li><b>secrets shown to others</b>: views (messages, edits, private answers, dialogs) that showed any app's secret
 *       to someone other than its requester;</li>
 *   <li><b>messages lost or doubled</b>: sends the bot still had not made or gave up on (its outbox), plus messages the
 *       platform posted twice with the same content in the same place;</li>
 *   <li><b>answers later than the platform's deadline</b>: inbound requests answered after it (Slack 3 s, Teams 15 s),
 *       or not at all, or with a server error.</li>
 * </ul>
 * The org (the emulator) is the truth for which secrets exist; the driver for who saw what.
 */
record SeamFigures(String platform, int secretsLost, int secretsShownToOthers, int messagesLost, int messagesDoubled,
                   int lateAnswers) {

    /**
     * @param answersToExtraPresses words of the messages that answer each extra press of a button ("this one changed
     *                              nothing"): one per press, so repeats of them are not doubles
     */
    static SeamFigures measure(ChatDriver chat, SeamWorld world, String requester, String answersToExtraPresses) {
        return measure(chat, world, requester, answersToExtraPresses, 0);
    }

    /**
     * @param refusedAndTold messages the platform refused for good that the scenario saw given up on and told in words
     *                       (to their addressee or requester, and the admins): the outbox keeps them as DEAD rows, and
     *                       they are not lost, the people concerned know. Any other undelivered row is lost.
     */
    static SeamFigures measure(ChatDriver chat, SeamWorld world, String requester, String answersToExtraPresses,
                               int refusedAndTold) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> chat.undelivered() <= refusedAndTold);
        } catch (ConditionTimeoutException e) {
            // what is still undelivered now is counted as lost below
        }
        List<String> secrets = world.secrets();
        List<ChatDriver.Shown> shown = chat.shown();
        int lost = (int) secrets.stream().filter(secret -> shown.stream()
                .noneMatch(s -> s.viewer().equals(requester) && s.text().contains(secret))).count();
        int toOthers = (int) shown.stream().filter(s -> !s.viewer().equals(requester)
                && secrets.stream().anyMatch(s.text()::contains)).count();
        List<String> delivered = chat.delivered().stream()
                .filter(d -> answersToExtraPresses == null || !d.contains(answersToExtraPresses)).toList();
        int doubled = delivered.size() - new HashSet<>(delivered).size();
        Duration deadline = chat.deadline();
        int late = (int) chat.answers().stream().filter(a -> a.status() < 0 || a.status() >= 500
                || deadline != null && a.took().compareTo(deadline) > 0).count();
        return new SeamFigures(chat.platform(), lost, toOthers, Math.max(0, chat.undelivered() - refusedAndTold), doubled, late);
    }

    /** Measures and asserts every figure is zero; prints them, so a run's figures can be quoted. */
    static SeamFigures assertNoneLostLeakedDoubledOrLate(ChatDriver chat, SeamWorld world, String requester, String scenario) {
        return assertNoneLostLeakedDoubledOrLate(chat, world, requester, scenario, null);
    }

    static SeamFigures assertNoneLostLeakedDoubledOrLate(ChatDriver chat, SeamWorld world, String requester, String scenario,
                                                         String answersToExtraPresses) {
        return assertNoneLostLeakedDoubledOrLate(chat, world, requester, scenario, answersToExtraPresses, 0);
    }

    /** As above, with {@code refusedAndTold} refusals the scenario saw told in words (see {@link #measure}). */
    static SeamFigures assertNoneLostLeakedDoubledOrLate(ChatDriver chat, SeamWorld world, String requester, String scenario,
                                                         String answersToExtraPresses, int refusedAndTold) {
        SeamFigures figures = measure(chat, world, requester, answersToExtraPresses, refusedAndTold);
        System.out.println("seam figures [" + chat.platform() + "] " + scenario + ": " + figures.summary()
                + "; apps " + world.apps() + ", inbound answers " + chat.answers().size() + ", slowest "
                + chat.answers().stream().map(ChatDriver.Answer::took).max(Duration::compareTo).orElse(Duration.ZERO).toMillis()
                + " ms, messages delivered " + chat.delivered().size());
        assertThat(figures.summary()).as("%s on %s; delivered twice: %s", scenario, chat.platform(), twice(chat.delivered()))
                .isEqualTo(new SeamFigures(chat.platform(), 0, 0, 0, 0, 0).summary());
        return figures;
    }

    String summary() {
        return "secrets lost " + secretsLost + ", secrets shown to others " + secretsShownToOthers + ", messages lost "
                + messagesLost + ", messages doubled " + messagesDoubled + ", answers late " + lateAnswers;
    }

    private static List<String> twice(List<String> delivered) {
        Set<String> once = new HashSet<>();
        return delivered.stream().filter(d -> !once.add(d)).toList();
    }
}
