package dev.ecabot.playbook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of a playbook that its JSON Schema cannot express: the id matches the file name, question ids are
 * unique, conditions and references name known (for conditions: earlier) questions and values they can take,
 * options are unique, defaults are valid answers, and template values are valid for their setting (metadata tokens,
 * scopes, booleans, numbers) including the option values of referenced choices. One line per problem:
 * {@code $.json.path: what is wrong and how to fix it}.
 */
final class PlaybookChecker {

    /** The questions every playbook must ask, supplied by the shared _common.yaml. */
    static final List<String> COMMON_QUESTION_IDS = List.of("org", "app_name", "api_name", "contact_email", "description");

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Question> known = new LinkedHashMap<>();

    private PlaybookChecker(List<Question> alreadyKnown) {
        alreadyKnown.forEach(q -> known.put(q.id(), q));
    }

    /** Problems of the shared common part (its questions, its template, the required common ids). */
    static List<String> checkCommon(JsonNode node, PlaybookReader.Common common) {
        PlaybookChecker checker = new PlaybookChecker(List.of());
        checker.checkQuestions(node.path("questions"), common.questions());
        for (String id : COMMON_QUESTION_IDS) {
            if (!checker.known.containsKey(id)) {
                checker.problems.add("$.questions: the common question '" + id + "' is missing; every playbook asks "
                        + String.join(", ", COMMON_QUESTION_IDS));
            }
        }
        checker.checkTemplate(node.path("template"), "$.template");
        return checker.problems;
    }

    /** Problems of one playbook, given the common part its questions follow. */
    static List<String> check(PlaybookFile file, JsonNode node, Playbook playbook, PlaybookReader.Common common) {
        PlaybookChecker checker = new PlaybookChecker(common.questions());
        if (!playbook.id().equals(file.expectedId())) {
            checker.problems.add("$.id: is '" + playbook.id() + "' but the file is " + file.name()
                    + "; the id must equal the file name without .yaml");
        }
        List<Question> own = playbook.questions().subList(common.questions().size(), playbook.questions().size());
        checker.checkQuestions(node.path("questions"), own);
        checker.checkTemplate(node.path("template"), "$.template");
        JsonNode overrides = node.path("overrides");
        for (int i = 0; i < overrides.size(); i++) {
            String path = "$.overrides[" + i + "]";
            checker.checkCondition(overrides.get(i).get("when"), path + ".when", false);
            checker.checkTemplate(overrides.get(i).path("set"), path + ".set");
        }
        for (String list : List.of("warnings", "manual_steps", "next_steps", "reminders")) {
            JsonNode texts = node.path(list);
            for (int i = 0; i < texts.size(); i++) {
                String path = "$." + list + "[" + i + "]";
                JsonNode t = texts.get(i);
                if (t.isTextual()) {
                    checker.checkReferences(t.asText(), path);
                } else {
                    checker.checkReferences(t.path("text").asText(), path + ".text");
                    checker.checkCondition(t.get("when"), path + ".when", false);
                }
            }
        }
        return checker.problems;
    }

    private void checkQuestions(JsonNode nodes, List<Question> questions) {
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String path = "$.questions[" + i + "]";
            JsonNode node = nodes.get(i);
            if (known.containsKey(q.id())) {
                problems.add(path + ".id: '" + q.id() + "' is already a question"
                        + (COMMON_QUESTION_IDS.contains(q.id()) ? " (a common question every playbook asks first)" : "")
                        + "; give this one another id");
            }
            checkCondition(node.get("when"), path + ".when", true);
            checkOptions(q, path);
            checkDefault(q, path);
            checkValidation(q, path);
            known.put(q.id(), q);
        }
        // Settings may refer to any question, later ones too: check them once every question is known.
        for (int i = 0; i < questions.size(); i++) {
            JsonNode options = nodes.get(i).path("options");
            for (int j = 0; j < options.size(); j++) {
                if (options.get(j).has("sets")) {
                    checkTemplate(options.get(j).get("sets"), "$.questions[" + i + "].options[" + j + "].sets");
                }
            }
        }
    }

    private void checkOptions(Question q, String path) {
        Set<String> values = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (int j = 0; j < q.options().size(); j++) {
            Option o = q.options().get(j);
            if (!values.add(o.value().toLowerCase(Locale.ROOT))) {
                problems.add(path + ".options[" + j + "].value: '" + o.value() + "' is used by an earlier option; option values must be unique");
            }
            if (!labels.add(o.label().toLowerCase(Locale.ROOT))) {
                problems.add(path + ".options[" + j + "].label: '" + o.label() + "' is used by an earlier option; option labels must be unique");
            }
        }
    }

    private void checkDefault(Question q, String path) {
        if (q.defaultValue() instanceof QuestionDefault.Literal literal) {
            if (q.type() == QuestionType.ORG) {
                problems.add(path + ".default: an org question cannot have a default; the bot offers its configured orgs");
                return;
            }
            ParseResult parsed = AnswerParser.parse(q, literal.text());
            parsed.error().ifPresent(e -> problems.add(path + ".default: " + e.substring(q.id().length() + 2)
                    + " (the default must be a valid " + q.type().yamlName() + " answer)"));
        } else if (q.defaultValue() instanceof QuestionDefault.Derived derived) {
            if (!known.containsKey(derived.from())) {
                problems.add(path + ".default.from: '" + derived.from() + "' is not an earlier question; a default can "
                        + "only be derived from a question asked before this one");
            }
        }
    }

    private void checkValidation(Question q, String path) {
        Validation v = q.validation();
        if (v.pattern() != null) {
            try {
                Pattern.compile(v.pattern());
            } catch (PatternSyntaxException e) {
                problems.add(path + ".validation.pattern: not a valid regular expression: " + e.getDescription());
            }
        }
        if (v.allowCustomSchemes() && q.type() != QuestionType.URL && q.type() != QuestionType.URL_LIST) {
            problems.add(path + ".validation.allow_custom_schemes: only url and url-list questions take URLs");
        }
        if (v.min() != null && v.max() != null && v.min() > v.max()) {
            problems.add(path + ".validation: min " + v.min() + " is above max " + v.max());
        }
    }

    /** A condition names questions asked earlier (or, outside questions, any question) and values they can take. */
    private void checkCondition(JsonNode when, String path, boolean onlyEarlier) {
        if (when == null || when.isNull()) return;
        Iterator<Map.Entry<String, JsonNode>> clauses = when.fields();
        while (clauses.hasNext()) {
            Map.Entry<String, JsonNode> clause = clauses.next();
            String id = clause.getKey();
            Question target = known.get(id);
            if (target == null) {
                problems.add(path + "." + id + ": refers to '" + id + "', which is not "
                        + (onlyEarlier ? "an earlier question; a condition may only name questions asked before it"
                        : "a question of this playbook"));
                continue;
            }
            JsonNode expected = clause.getValue();
            if (expected.isObject()) {
                if ((expected.has("greater_than") || expected.has("less_than")) && target.type() != QuestionType.NUMBER) {
                    problems.add(path + "." + id + ": greater_than/less_than need a number question, but '" + id
                            + "' is " + target.type().yamlName());
                }
                continue;
            }
            List<JsonNode> values = new ArrayList<>();
            if (expected.isArray()) expected.forEach(values::add);
            else values.add(expected);
            for (JsonNode v : values) checkConditionValue(target, v, path + "." + id);
        }
    }

    private void checkConditionValue(Question target, JsonNode v, String path) {
        String text = v.asText();
        if (target.type().hasOptions()) {
            if (target.option(text).isEmpty()) {
                problems.add(path + ": '" + text + "' is not an option of " + target.id() + "; its options are "
                        + String.join(", ", target.options().stream().map(Option::value).toList()));
            }
        } else if (target.type() == QuestionType.YES_NO && !v.isBoolean()) {
            problems.add(path + ": '" + text + "' is not an answer to the yes-no question " + target.id() + "; use true or false");
        }
    }

    private void checkReferences(String text, String path) {
        for (String ref : TextTemplate.references(text)) {
            if (!known.containsKey(ref)) {
                problems.add(path + ": refers to ${" + ref + "}, which is not a question of this playbook");
            }
        }
    }

    private void checkTemplate(JsonNode template, String path) {
        Iterator<Map.Entry<String, JsonNode>> sections = template.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            Iterator<Map.Entry<String, JsonNode>> settings = section.getValue().fields();
            while (settings.hasNext()) {
                Map.Entry<String, JsonNode> entry = settings.next();
                String settingPath = path + "." + section.getKey() + "." + entry.getKey();
                TemplateSetting setting = TemplateSetting.find(section.getKey(), entry.getKey()).orElse(null);
                if (setting == null) {
                    problems.add(settingPath + ": not a setting playbooks can set (see docs/playbooks.md)");
                    continue;
                }
                checkSettingValue(setting, entry.getValue(), settingPath);
            }
        }
    }

    private void checkSettingValue(TemplateSetting setting, JsonNode node, String path) {
        Object value = PlaybookReader.value(node);
        if (value == null) return;
        List<Object> parts = value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
        List<Object> literals = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Object part = parts.get(i);
            String partPath = value instanceof List<?> ? path + "[" + i + "]" : path;
            if (!(part instanceof String text) || TextTemplate.references(text).isEmpty()) {
                literals.add(part);
                continue;
            }
            checkReferences(text, partPath);
            String whole = TextTemplate.wholeReference(text);
            Question target = whole == null ? null : known.get(whole);
            if (whole == null) {
                if (setting.kind() != SettingKind.TEXT && setting.kind() != SettingKind.URL_LIST
                        && setting.kind() != SettingKind.TEXT_LIST) {
                    problems.add(partPath + ": " + setting.path() + " takes " + setting.kind().description()
                            + "; text with ${...} inside fits only text settings");
                }
            } else if (target != null) {
                checkReferenceFits(setting, target, partPath);
            }
        }
        if (literals.isEmpty()) return;
        try {
            setting.kind().convert(value instanceof List<?> ? literals : literals.get(0));
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage() + "; " + setting.path() + " takes " + setting.kind().description());
        }
    }

    /** A whole reference must name a question whose answers the setting can take (for tokens: every option). */
    private void checkReferenceFits(TemplateSetting setting, Question target, String path) {
        SettingKind kind = setting.kind();
        QuestionType type = target.type();
        boolean fits;
        if (kind == SettingKind.BOOLEAN) fits = type == QuestionType.YES_NO;
        else if (kind == SettingKind.INTEGER) fits = type == QuestionType.NUMBER;
        else if (kind == SettingKind.IP_RANGES) fits = type == QuestionType.IP_RANGE_LIST;
        else if (kind == SettingKind.SCOPES || kind.tokenType() != null) fits = type.hasOptions() && (kind.isList() || !type.isList());
        else if (kind == SettingKind.TEXT) fits = !type.isList() && type != QuestionType.YES_NO && type != QuestionType.NUMBER;
        else fits = type != QuestionType.YES_NO && type != QuestionType.NUMBER && type != QuestionType.IP_RANGE_LIST;
        if (!fits) {
            problems.add(path + ": " + setting.path() + " takes " + kind.description() + ", but ${" + target.id()
                    + "} is a " + type.yamlName() + " question");
            return;
        }
        if (kind == SettingKind.SCOPES || kind.tokenType() != null) {
            for (Option o : target.options()) {
                try {
                    kind.convert(o.value());
                } catch (IllegalArgumentException e) {
                    problems.add(path + ": option '" + o.value() + "' of " + target.id() + " is not valid for "
                            + setting.path() + ": " + e.getMessage());
                }
            }
        }
    }
}
