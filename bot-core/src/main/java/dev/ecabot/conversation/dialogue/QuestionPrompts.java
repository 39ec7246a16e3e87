package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.playbook.Answer;
import dev.ecabot.playbook.Answers;
import dev.ecabot.playbook.Question;
import dev.ecabot.playbook.QuestionType;

import java.util.List;

/**
 * Turns a playbook question into the neutral prompt that asks it: one-of questions (choice, yes/no, org) become
 * a {@link ChoicePrompt}, everything else a one-field {@link FormPrompt} whose field type, default and help
 * come from the question. The prompt id is the question id, so the answer finds its way back.
 */
final class QuestionPrompts {

    static final List<Option> YES_NO = List.of(Option.of("yes", "Yes"), Option.of("no", "No"));

    private QuestionPrompts() {
    }

    static ChatMessage prompt(Question q, Answers soFar, List<String> orgs, String title, String error) {
        return prompt(q, soFar, orgs, title, error, null, null);
    }

    /**
     * As above; {@code typed} (nullable): the refused answer, for the field to show again (see {@link FormField#typed});
     * {@code personalDefault} (nullable): offered when the playbook has no default, e.g. the asker's own email.
     */
    static ChatMessage prompt(Question q, Answers soFar, List<String> orgs, String title, String error, String typed,
                              String personalDefault) {
        String defaultText = q.defaultValue(soFar).map(Answer::text).orElse(personalDefault);
        List<Option> options = options(q, orgs);
        if (isOneOf(q)) {
            String prompt = q.help() == null ? q.prompt().strip() : q.prompt().strip() + "\n(" + q.help().strip() + ")";
            if (title != null && !title.isBlank()) prompt = title + "\n" + prompt; // the same header as a form's
            return new ChoicePrompt(new dev.ecabot.conversation.PromptRef.Question(q.id()).encode(), prompt, options, defaultText, error);
        }
        FormField field = new FormField(q.id(), q.prompt().strip(), fieldType(q.type()), defaultText, q.required(),
                help(q), options, error, typed == null || typed.isBlank() ? null : typed);
        return new FormPrompt(new dev.ecabot.conversation.PromptRef.Question(q.id()).encode(), title, List.of(field));
    }

    /**
     * The questions of one step asked together as one form (one Slack modal, one Teams card), its id the first
     * question's, so the submission answers the step the conversation waits for. {@code errors} and {@code typed}
     * (by question id, may be empty): a refused submission, shown again with every value as typed and each refusal
     * beside its field; {@code personalDefaults}: the asker's own defaults (their email) by question id.
     */
    static FormPrompt form(List<Question> step, Answers soFar, List<String> orgs, String title,
                           java.util.Map<String, String> errors, java.util.Map<String, String> typed,
                           java.util.Map<String, String> personalDefaults) {
        List<FormField> fields = new java.util.ArrayList<>();
        for (Question q : step) {
            String defaultText = q.defaultValue(soFar).map(Answer::text).orElse(personalDefaults.get(q.id()));
            boolean fromTheStep = defaultText == null && QuestionSteps.defaultComesFromTheStep(q, step);
            String shown = typed.get(q.id());
            fields.add(new FormField(q.id(), q.prompt().strip(), fieldType(q.type()), defaultText,
                    q.required() && !fromTheStep, help(q), options(q, orgs), errors.get(q.id()),
                    shown == null || shown.isBlank() ? null : shown));
        }
        return new FormPrompt(new dev.ecabot.conversation.PromptRef.Question(step.get(0).id()).encode(), title, fields);
    }

    /** True when the answer is one option of a short list: shown as buttons or a numbered list. */
    static boolean isOneOf(Question q) {
        return q.type() == QuestionType.CHOICE || q.type() == QuestionType.YES_NO || q.type() == QuestionType.ORG;
    }

    static List<Option> options(Question q, List<String> orgs) {
        return switch (q.type()) {
            case YES_NO -> YES_NO;
            case ORG -> orgs.stream().map(o -> Option.of(o, o)).toList();
            default -> q.options().stream().map(o -> Option.of(o.value(), o.label())).toList();
        };
    }

    private static String help(Question q) {
        String help = q.help() == null ? null : q.help().strip();
        if (q.type().isList()) {
            String several = "several values: separate them with commas or new lines";
            return help == null ? several : help + " (" + several + ")";
        }
        return help;
    }

    private static FieldType fieldType(QuestionType type) {
        return switch (type) {
            case EMAIL -> FieldType.EMAIL;
            case URL -> FieldType.URL;
            case NUMBER -> FieldType.NUMBER;
            case YES_NO -> FieldType.YES_NO;
            case CHOICE, ORG -> FieldType.CHOICE;
            case USER -> FieldType.USER;
            case API_NAME -> FieldType.API_NAME;
            case URL_LIST, IP_RANGE_LIST, TEXT_LIST, MULTI_CHOICE -> FieldType.LIST;
            case TEXT, CERTIFICATE -> FieldType.TEXT;
        };
    }
}
