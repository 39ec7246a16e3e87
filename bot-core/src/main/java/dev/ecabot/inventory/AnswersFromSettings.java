package dev.ecabot.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.Question;
import dev.ecabot.playbook.QuestionType;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.eca.EcaSpecDiff;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers a playbook would need to make an app's current settings (for {@code update} of an app whose answers the
 * bot never kept, e.g. one {@code sync} imported): each free-text question is rendered with a marker and its answer
 * read from the app's settings where the marker lands; each choice (and yes/no) question takes the option whose
 * rendering differs least from the app. A question that cannot be read this way keeps the playbook's default (blank).
 * Stateless and thread-safe.
 */
public final class AnswersFromSettings {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PlaybookRenderer renderer = new PlaybookRenderer();

    /** The answer texts (question id to text) that reproduce {@code current} with {@code playbook} as nearly as may be. */
    public Map<String, String> of(Playbook playbook, EcaSpec current, String org) {
        Map<String, String> answers = new LinkedHashMap<>();
        playbook.questions().stream().filter(q -> q.type() == QuestionType.ORG).forEach(q -> answers.put(q.id(), org));
        JsonNode inOrg = MAPPER.valueToTree(current);
        // Two rounds: a choice made in the first may reveal a text question (its "when") read in the second.
        for (int round = 0; round < 2; round++) {
            readTexts(playbook, inOrg, answers);
            pickOptions(playbook, current, answers);
        }
        return answers;
    }

    private void readTexts(Playbook playbook, JsonNode inOrg, Map<String, String> answers) {
        Map<String, String> markers = markers(playbook, answers);
        Map<String, String> probe = probe(playbook, answers, markers);
        Optional<Rendering> rendered = render(playbook, probe);
        if (rendered.isEmpty()) return;
        JsonNode tree = MAPPER.valueToTree(rendered.get().spec());
        for (Map.Entry<String, String> m : markers.entrySet()) {
            Question q = playbook.question(m.getKey()).orElseThrow();
            find(tree, inOrg, m.getValue(), q.type()).ifPresent(text -> answers.put(q.id(), text));
        }
    }

    /** A marker for each unanswered free-text question (by id). */
    private static Map<String, String> markers(Playbook playbook, Map<String, String> answers) {
        Map<String, String> markers = new LinkedHashMap<>();
        int n = 0;
        for (Question q : playbook.questions()) {
            if (answers.containsKey(q.id())) continue;
            int index = n++;
            marker(q, index).ifPresent(m -> markers.put(q.id(), m));
        }
        return markers;
    }

    /**
     * {@code answers} completed so the playbook renders: markers for the free-text questions, and for a choice without
     * a default its first option (a required question left blank would stop the rendering).
     */
    private static Map<String, String> probe(Playbook playbook, Map<String, String> answers, Map<String, String> markers) {
        Map<String, String> probe = new LinkedHashMap<>(answers);
        markers.forEach(probe::putIfAbsent);
        for (Question q : playbook.questions()) {
            if (probe.containsKey(q.id()) || q.defaultValue() != null) continue;
            if (q.type() == QuestionType.YES_NO) probe.put(q.id(), "no");
            else if (q.type().hasOptions() && !q.options().isEmpty()) probe.put(q.id(), q.options().get(0).value());
        }
        // an answer to a question its "when" does not ask is refused by the renderer: drop those
        dev.ecabot.playbook.Answers typed = dev.ecabot.playbook.Answers.empty();
        for (Question q : playbook.questions()) {
            String text = probe.get(q.id());
            if (text == null) continue;
            if (!q.isAsked(typed)) {
                probe.remove(q.id());
                continue;
            }
            if (text.isBlank()) continue;
            var parsed = q.parse(text, typed);
            if (parsed.answer().isPresent()) typed = typed.with(q.id(), parsed.answer().get());
        }
        return probe;
    }

    private void pickOptions(Playbook playbook, EcaSpec current, Map<String, String> answers) {
        for (Question q : playbook.questions()) {
            if (answers.containsKey(q.id()) || !(q.type().hasOptions() || q.type() == QuestionType.YES_NO)) continue;
            List<String> candidates = new ArrayList<>();
            candidates.add(""); // the playbook's default wins a tie
            if (q.type() == QuestionType.YES_NO) candidates.addAll(List.of("yes", "no"));
            else q.options().forEach(o -> candidates.add(o.value()));
            String best = null;
            int fewest = Integer.MAX_VALUE;
            for (String candidate : candidates) {
                Map<String, String> trial = new LinkedHashMap<>(answers);
                trial.put(q.id(), candidate);
                trial = probe(playbook, trial, markers(playbook, trial));
                Optional<Rendering> rendered = render(playbook, trial);
                if (rendered.isEmpty()) continue;
                int differences = EcaSpecDiff.between(current, rendered.get().spec()).size();
                if (differences < fewest) {
                    fewest = differences;
                    best = candidate;
                }
            }
            if (best != null && !best.isEmpty()) answers.put(q.id(), best);
        }
    }

    private Optional<Rendering> render(Playbook playbook, Map<String, String> answers) {
        try {
            return renderer.render(playbook, answers).value();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A value of the question's type that cannot occur in real settings, or empty when the type has none. */
    private static Optional<String> marker(Question q, int n) {
        String word = "Ecabotmarker" + (char) ('a' + n % 26) + n;
        // a number within the question's bounds (refresh token days: 1..365), else one no setting holds
        long number = q.validation().max() != null ? q.validation().max() - 3 - n : 987_650 + n;
        return switch (q.type()) {
            case TEXT, TEXT_LIST, API_NAME -> Optional.of(word);
            case EMAIL, USER -> Optional.of(word.toLowerCase(java.util.Locale.ROOT) + "@example.invalid");
            case URL, URL_LIST -> Optional.of("https://" + word.toLowerCase(java.util.Locale.ROOT) + ".example.invalid/cb");
            case NUMBER -> Optional.of(String.valueOf(number));
            default -> Optional.empty(); // choices are picked; IP ranges and certificates keep the default
        };
    }

    /** Where {@code marker} lands in {@code rendered}, the app's value at the same place, as an answer text. */
    private static Optional<String> find(JsonNode rendered, JsonNode inOrg, String marker, QuestionType type) {
        if (rendered == null || inOrg == null || inOrg.isNull() || inOrg.isMissingNode()) return Optional.empty();
        if (rendered.isObject()) {
            for (Iterator<String> it = rendered.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                Optional<String> found = find(rendered.get(field), inOrg.get(field), marker, type);
                if (found.isPresent()) return found;
            }
            return Optional.empty();
        }
        if (rendered.isArray()) {
            for (JsonNode element : rendered) {
                if (element.isValueNode() && element.asText().equals(marker) && inOrg.isArray()) {
                    List<String> values = new ArrayList<>();
                    inOrg.forEach(v -> values.add(v.asText()));
                    return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
                }
            }
            return Optional.empty();
        }
        if (rendered.isNumber() && type == QuestionType.NUMBER && rendered.asText().equals(marker)) {
            return Optional.of(inOrg.asText());
        }
        if (!rendered.isTextual() || !rendered.asText().contains(marker) || !inOrg.isTextual()) return Optional.empty();
        // "${app_name} for support" in the template: the answer is what stands where the marker stood
        String[] around = rendered.asText().split(Pattern.quote(marker), -1);
        if (around.length != 2) return Optional.empty();
        Matcher m = Pattern.compile(Pattern.quote(around[0]) + "(.*)" + Pattern.quote(around[1]), Pattern.DOTALL)
                .matcher(inOrg.asText());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
