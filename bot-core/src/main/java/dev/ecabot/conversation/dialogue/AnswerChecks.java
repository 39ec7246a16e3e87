package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.playbook.Answers;
import dev.ecabot.playbook.ParseResult;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.Question;
import dev.ecabot.playbook.QuestionType;
import dev.ecabot.provisioning.AppProvisioner;
import dev.ecabot.salesforce.OrgReadiness;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an answer to a playbook question of a {@code new} conversation: an option named by its label, value or
 * number, the question's own validation, an API name still free in the org, people and permission sets that exist
 * there. The same checks for a typed answer, a one-field form and each field of a whole form. Thread-safe.
 */
final class AnswerChecks {

    /** How the playbook's parser words a missing answer (also used by the CLI, where naming the question helps). */
    private static final String REQUIRED = "an answer is required (";

    private final OrgDirectory orgs;
    private final AppProvisioner provisioner;
    private final OrgChecks orgChecks;

    AnswerChecks(OrgDirectory orgs, AppProvisioner provisioner, OrgChecks orgChecks) {
        this.orgs = orgs;
        this.provisioner = provisioner;
        this.orgChecks = orgChecks;
    }

    /** An answer checked: the text to keep, or why it is refused (then {@code text} is null). */
    record Judged(String text, String refusal) {
        static Judged refused(String why) {
            return new Judged(null, why);
        }
    }

    /**
     * Checks {@code raw} as the answer to {@code q} given the {@code answers} so far; a blank answer takes
     * {@code personalDefault} (the asker's own email or last org) when there is one.
     */
    Judged judge(ConversationState state, Playbook playbook, Question q, String raw, Answers answers,
                 Optional<String> personalDefault, Replies replies) {
        String typed = raw.isBlank() ? personalDefault.orElse(raw) : raw;
        if (QuestionPrompts.isOneOf(q) && !raw.isBlank()) {
            Optional<Option> option = OptionMatch.find(QuestionPrompts.options(q, orgs.names()), raw);
            if (option.isEmpty() && q.type() == QuestionType.ORG) {
                return Judged.refused("\"" + raw + "\" is not an org I know; the orgs are: "
                        + String.join(", ", orgs.names()) + ".");
            }
            if (option.isPresent()) typed = option.get().value();
        } else if (q.type() == QuestionType.MULTI_CHOICE) {
            typed = OptionMatch.numbersToValues(QuestionPrompts.options(q, orgs.names()), raw);
        }
        ParseResult parsed = q.parse(typed, answers);
        if (parsed.error().isPresent()) return Judged.refused(withoutQuestionId(q.id(), parsed.error().get()));
        String text = parsed.answer().map(a -> a.text()).orElse("");
        if (q.type() == QuestionType.API_NAME && state.org() != null && !text.isBlank()) {
            Optional<String> taken = provisioner.reserveName(state.requestId(), state.org(), text, state.user().ref());
            if (taken.isPresent()) return Judged.refused(taken.get());
        }
        Optional<String> refused = state.org() == null || text.isBlank() ? Optional.empty()
                : inOrg(playbook, q.id(), state.org(), text, replies);
        return refused.map(Judged::refused).orElse(new Judged(text, null));
    }

    /**
     * Checks an answer that names people of the org (run-as user, permission sets, profiles) there: advice is
     * told at once, a refusal comes back to re-ask the question with it. Empty when the answer may stand.
     */
    Optional<String> inOrg(Playbook playbook, String questionId, String org, String text, Replies replies) {
        Set<String> fields = new HashSet<>(playbook.fieldsFilledBy(questionId));
        fields.retainAll(OrgChecks.CHECKED_FIELDS);
        if (fields.isEmpty()) return Optional.empty();
        List<OrgReadiness.Finding> findings = orgChecks.answer(org, fields, text);
        String refusal = findings.stream().filter(f -> f.blocking()).map(f -> f.text()).collect(Collectors.joining(" "));
        if (!refusal.isEmpty()) return Optional.of(refusal);
        findings.forEach(f -> replies.warn(f.text()));
        return Optional.empty();
    }

    private static String withoutQuestionId(String questionId, String error) {
        String prefix = questionId + ": ";
        String shown = error.startsWith(prefix) ? error.substring(prefix.length()) : error;
        // shown beside the question itself, so not the question again ("an answer is required (Which email...?)")
        return shown.startsWith(REQUIRED) ? "This one needs an answer before we go on (say \"cancel\" to stop here)." : shown;
    }
}
