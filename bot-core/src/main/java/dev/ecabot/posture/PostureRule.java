package dev.ecabot.posture;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One posture rule from a rules file: it fires when every condition of {@code when} holds for an app's facts, and
 * then gives a finding whose text may name the app's values as {@code ${fact}}. Immutable, thread-safe.
 */
public record PostureRule(String id, Severity severity, String setting, List<PostureCondition> when, String finding,
                          String why, String source, String fix, String origin, boolean enabled) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    public PostureRule {
        when = List.copyOf(when);
    }

    /** The facts this rule reads: those of its conditions and those its finding's text names as {@code ${fact}}. */
    public java.util.Set<String> facts() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        when.forEach(c -> names.add(c.fact()));
        Matcher m = PLACEHOLDER.matcher(finding);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The finding for an app with these facts, or empty when the rule does not fire. */
    public Optional<PostureFinding> grade(PostureFacts facts) {
        if (!enabled) return Optional.empty();
        for (PostureCondition c : when) {
            if (!c.holds(facts.get(c.fact()))) return Optional.empty();
        }
        return Optional.of(new PostureFinding(id, severity, setting, fill(finding, facts.values()), why.strip(),
                source, fix));
    }

    private static String fill(String text, Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            String shown = v instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                    : String.valueOf(v);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString().strip();
    }
}
