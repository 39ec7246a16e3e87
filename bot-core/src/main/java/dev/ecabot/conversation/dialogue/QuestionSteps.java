package dev.ecabot.conversation.dialogue;

import dev.ecabot.playbook.Answers;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.Question;
import dev.ecabot.playbook.QuestionType;

import java.util.List;
import java.util.Map;

/**
 * Which questions of a playbook can be asked together in one form: those still unanswered that are asked given the
 * answers so far and whose {@code when} reads only questions already answered. A question whose condition reads one
 * still open (the run-as user after the OAuth flows) waits for a later step, asked once its condition can be known.
 * The org question is always a step of its own: the org decides what may be asked at all (its API version, its
 * External Client App settings), so it comes before any form. Stateless: the step is recomputed from the stored
 * answers each time, so any instance agrees on it.
 */
final class QuestionSteps {

    private QuestionSteps() {
    }

    /**
     * The questions of the current step, in playbook order: empty when none is left. {@code stored}: the answers as
     * stored (a blank text is an optional question skipped); {@code answers}: the same, typed.
     */
    static List<Question> current(Playbook playbook, Map<String, String> stored, Answers answers) {
        List<Question> open = playbook.questions().stream()
                .filter(q -> !stored.containsKey(q.id()) && q.isAsked(answers))
                .toList();
        if (open.isEmpty()) return List.of();
        if (open.get(0).type() == QuestionType.ORG) return List.of(open.get(0));
        return open.stream()
                .filter(q -> q.type() != QuestionType.ORG)
                .filter(q -> stored.keySet().containsAll(q.when().questionIds()))
                .toList();
    }

    /** True when {@code q}'s default is derived from a question asked in the same step (blank then takes it). */
    static boolean defaultComesFromTheStep(Question q, List<Question> step) {
        return q.defaultValue() instanceof dev.ecabot.playbook.QuestionDefault.Derived derived
                && step.stream().anyMatch(other -> other.id().equals(derived.from()));
    }
}
