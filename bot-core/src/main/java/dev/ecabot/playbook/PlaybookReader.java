package dev.ecabot.playbook;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a playbook document that passed the schema into the model: questions (the common ones first), the template
 * (common settings, then the playbook's), overrides (choice options' {@code sets:} first, then {@code overrides:}),
 * texts and reminders. Semantic checks are {@link PlaybookChecker}'s job. Stateless.
 */
final class PlaybookReader {

    /** The shared part every playbook starts from: the common questions and the settings they fill. */
    record Common(List<Question> questions, EcaTemplate template) {
        static final Common NONE = new Common(List.of(), EcaTemplate.empty());
    }

    private PlaybookReader() {
    }

    static Common readCommon(JsonNode node) {
        return new Common(questions(node.path("questions")), template(node.path("template")));
    }

    static Playbook read(JsonNode node, Common common, String origin) {
        List<Question> own = questions(node.path("questions"));
        List<Question> questions = new ArrayList<>(common.questions());
        questions.addAll(own);

        List<TemplateOverride> overrides = new ArrayList<>();
        JsonNode questionNodes = node.path("questions");
        for (int i = 0; i < questionNodes.size(); i++) {
            JsonNode q = questionNodes.get(i);
            for (JsonNode option : q.path("options")) {
                if (option.has("sets")) {
                    Condition when = new Condition(Map.of(q.path("id").asText(),
                            new Condition.OneOf(List.of(option.path("value").asText()))));
                    overrides.add(new TemplateOverride(when, template(option.get("sets")), null));
                }
            }
        }
        for (JsonNode o : node.path("overrides")) {
            Delivery delivery = o.has("delivery") ? Delivery.fromYaml(o.get("delivery").asText()) : null;
            overrides.add(new TemplateOverride(condition(o.get("when")), template(o.path("set")), delivery));
        }

        JsonNode source = node.path("source");
        return new Playbook(
                node.path("id").asText(),
                node.path("title").asText(),
                node.path("vendor").asText(),
                node.path("description").asText(),
                new Source(textOrNull(source.get("seed")), textOrNull(source.get("document"))),
                questions,
                common.template().overlaidWith(template(node.path("template"))),
                overrides,
                node.has("delivery") ? Delivery.fromYaml(node.get("delivery").asText()) : null,
                node.path("approval_required").asBoolean(false),
                node.has("activation_delay") ? duration(node.get("activation_delay").asText()) : Duration.ZERO,
                reminders(node.path("reminders")),
                texts(node.path("warnings")),
                texts(node.path("manual_steps")),
                texts(node.path("next_steps")),
                origin,
                textOrNull(node.get("min_api_version")));
    }

    static List<Question> questions(JsonNode nodes) {
        List<Question> out = new ArrayList<>();
        for (JsonNode q : nodes) out.add(question(q));
        return out;
    }

    static Question question(JsonNode q) {
        List<Option> options = new ArrayList<>();
        for (JsonNode o : q.path("options")) {
            options.add(new Option(o.path("value").asText(), textOrNull(o.get("label"))));
        }
        return new Question(
                q.path("id").asText(),
                q.path("prompt").asText(),
                textOrNull(q.get("help")),
                QuestionType.fromYaml(q.path("type").asText()),
                options,
                questionDefault(q.get("default")),
                q.path("required").asBoolean(true),
                validation(q.path("validation")),
                q.has("when") ? condition(q.get("when")) : Condition.always());
    }

    private static QuestionDefault questionDefault(JsonNode d) {
        if (d == null || d.isNull()) return null;
        if (d.isObject()) {
            String transform = d.has("transform") ? d.get("transform").asText() : "copy";
            return new QuestionDefault.Derived(d.path("from").asText(), QuestionDefault.Transform.fromYaml(transform));
        }
        return new QuestionDefault.Literal(d.asText());
    }

    private static Validation validation(JsonNode v) {
        if (v.isMissingNode()) return Validation.none();
        return new Validation(
                textOrNull(v.get("pattern")),
                textOrNull(v.get("pattern_hint")),
                v.has("min") ? v.get("min").asLong() : null,
                v.has("max") ? v.get("max").asLong() : null,
                v.has("min_length") ? v.get("min_length").asInt() : null,
                v.has("max_length") ? v.get("max_length").asInt() : null,
                v.has("max_items") ? v.get("max_items").asInt() : null,
                v.path("allow_custom_schemes").asBoolean(false));
    }

    static Condition condition(JsonNode when) {
        if (when == null || when.isMissingNode() || when.isNull()) return Condition.always();
        Map<String, Condition.Expectation> clauses = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = when.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> clause = fields.next();
            clauses.put(clause.getKey(), expectation(clause.getValue()));
        }
        return new Condition(clauses);
    }

    private static Condition.Expectation expectation(JsonNode expected) {
        if (expected.isObject()) {
            if (expected.has("answered")) return new Condition.Answered(expected.get("answered").asBoolean());
            if (expected.has("greater_than")) return new Condition.GreaterThan(expected.get("greater_than").asLong());
            return new Condition.LessThan(expected.path("less_than").asLong());
        }
        List<String> values = new ArrayList<>();
        if (expected.isArray()) expected.forEach(v -> values.add(v.asText()));
        else values.add(expected.asText());
        return new Condition.OneOf(values);
    }

    static EcaTemplate template(JsonNode node) {
        Map<TemplateSetting, Object> values = new EnumMap<>(TemplateSetting.class);
        Iterator<Map.Entry<String, JsonNode>> sections = node.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            Iterator<Map.Entry<String, JsonNode>> settings = section.getValue().fields();
            while (settings.hasNext()) {
                Map.Entry<String, JsonNode> setting = settings.next();
                Object value = value(setting.getValue());
                TemplateSetting.find(section.getKey(), setting.getKey()).ifPresent(s -> {
                    if (value != null) values.put(s, value);
                });
            }
        }
        return new EcaTemplate(values);
    }

    /** A YAML value as plain Java: String, Boolean, Integer/Long, or a List of those; null for null. */
    static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isInt()) return v.asInt();
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            v.forEach(e -> out.add(value(e)));
            return out;
        }
        return v.asText();
    }

    private static List<ConditionalText> texts(JsonNode nodes) {
        List<ConditionalText> out = new ArrayList<>();
        for (JsonNode t : nodes) {
            if (t.isTextual()) out.add(ConditionalText.always(t.asText()));
            else out.add(new ConditionalText(t.path("text").asText(), condition(t.get("when"))));
        }
        return out;
    }

    private static List<ReminderRule> reminders(JsonNode nodes) {
        List<ReminderRule> out = new ArrayList<>();
        for (JsonNode r : nodes) {
            out.add(new ReminderRule(
                    ReminderRule.Kind.fromYaml(r.path("kind").asText()),
                    condition(r.get("when")),
                    r.has("notice") ? duration(r.get("notice").asText()) : Duration.ZERO,
                    r.has("after") ? duration(r.get("after").asText()) : null,
                    r.path("text").asText()));
        }
        return out;
    }

    /** A reminder's notice or delay, in the bot's one duration grammar (the schema restricts the forms further). */
    static Duration duration(String text) {
        return dev.ecabot.duration.Durations.parse(text, "a reminder's notice or after");
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
