package dev.ecabot.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References to answers inside playbook text: {@code ${question_id}}. A value that is exactly one reference
 * takes the typed answer; a reference inside other text takes the answer's canonical text, and
 * {@code ${question_id.label}} takes the chosen option's label (e.g. "ChatGPT" for {@code chatgpt}). Thread-safe.
 */
public final class TextTemplate {

    /** One reference; question ids are lower-case words with underscores. */
    static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)(\\.label)?}");

    private TextTemplate() {
    }

    /** The question ids referred to in {@code text}, in order of appearance. */
    public static List<String> references(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    /** The question id when {@code text} is exactly one reference, else null. */
    public static String wholeReference(String text) {
        Matcher m = REFERENCE.matcher(text.strip());
        return m.matches() ? m.group(1) : null;
    }

    /** {@code text} with every reference replaced by the answer's text, or {@code unanswered} when none. */
    public static String fill(String text, Answers answers, String unanswered) {
        return fill(text, answers, unanswered, (id, value) -> value);
    }

    /**
     * Like {@link #fill(String, Answers, String)}, with {@code ${id.label}} references taking {@code labels}'
     * label for the answer (the answer itself when the question has no such option).
     */
    public static String fill(String text, Answers answers, String unanswered,
                              java.util.function.BinaryOperator<String> labels) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = answers.text(m.group(1));
            if (value != null && m.group(2) != null) value = labels.apply(m.group(1), value);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? unanswered : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
