package dev.ecabot.playbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One integration's recipe for an External Client App: who it is for, the questions to ask (the common ones first),
 * the ECA template with its conditional overrides, what to deliver, whether approval is needed, the activation
 * delay, reminders, warnings, manual steps and next steps. Loaded from {@code playbooks/<id>.yaml}. Immutable.
 */
public record Playbook(
        String id,
        String title,
        String vendor,
        String description,
        Source source,
        List<Question> questions,
        EcaTemplate template,
        List<TemplateOverride> overrides,
        Delivery delivery,
        boolean approvalRequired,
        Duration activationDelay,
        List<ReminderRule> reminders,
        List<ConditionalText> warnings,
        List<ConditionalText> manualSteps,
        List<ConditionalText> nextSteps,
        String origin,
        String minApiVersion) {

    /** A playbook that needs no more than the bot's default API version. */
    public Playbook(String id, String title, String vendor, String description, Source source, List<Question> questions,
                    EcaTemplate template, List<TemplateOverride> overrides, Delivery delivery, boolean approvalRequired,
                    Duration activationDelay, List<ReminderRule> reminders, List<ConditionalText> warnings,
                    List<ConditionalText> manualSteps, List<ConditionalText> nextSteps, String origin) {
        this(id, title, vendor, description, source, questions, template, overrides, delivery, approvalRequired,
                activationDelay, reminders, warnings, manualSteps, nextSteps, origin, null);
    }

    /**
     * Whether an org set to call API {@code orgApiVersion} is too old for this playbook ({@code min_api_version}:
     * the oldest version whose metadata it needs; none means the bot's default is enough).
     */
    public boolean needsNewerThan(String orgApiVersion) {
        if (minApiVersion == null || orgApiVersion == null) return false;
        try {
            return Double.parseDouble(orgApiVersion) < Double.parseDouble(minApiVersion);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public Playbook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(vendor, "vendor");
        description = description == null ? "" : description.strip();
        source = source == null ? new Source(null, null) : source;
        questions = List.copyOf(questions);
        template = template == null ? EcaTemplate.empty() : template;
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        delivery = delivery == null ? Delivery.KEY_AND_SECRET : delivery;
        activationDelay = activationDelay == null ? Duration.ZERO : activationDelay;
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        manualSteps = manualSteps == null ? List.of() : List.copyOf(manualSteps);
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
        origin = origin == null ? id : origin;
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /**
     * The metadata fields (as Setup's policies file spells them, e.g. "clientCredentialsFlowUser",
     * "commaSeparatedPermissionSet") that question {@code questionId}'s answer fills, in the template or any override:
     * what the bot checks against the org when the question is answered.
     */
    public java.util.Set<String> fieldsFilledBy(String questionId) {
        java.util.Set<String> fields = new java.util.TreeSet<>();
        List<EcaTemplate> templates = new java.util.ArrayList<>(List.of(template));
        overrides.forEach(o -> templates.add(o.set()));
        for (EcaTemplate t : templates) {
            t.values().forEach((setting, value) -> {
                if (TextTemplate.references(String.valueOf(value)).contains(questionId)) fields.add(setting.metadataField());
            });
        }
        return fields;
    }

    /** The questions asked given the answers so far (their {@code when} holds), in order. */
    public List<Question> askedQuestions(Answers soFar) {
        return questions.stream().filter(q -> q.isAsked(soFar)).toList();
    }

    /**
     * The first asked question not yet answered or skipped (see {@link Answers#skip}); empty when every question
     * the answers call for is settled and the playbook can be rendered.
     */
    public Optional<Question> nextQuestion(Answers soFar) {
        return questions.stream().filter(q -> !soFar.isSettled(q.id()) && q.isAsked(soFar)).findFirst();
    }

    /** What to deliver given the answers: the playbook's delivery unless an override that holds changes it. */
    public Delivery deliveryFor(Answers answers) {
        Delivery result = delivery;
        for (TemplateOverride o : overrides) {
            if (o.delivery() != null && o.when().holds(answers)) result = o.delivery();
        }
        return result;
    }

    /** The warnings whose condition holds, with answer references filled in (useful while still asking). */
    public List<String> warningsFor(Answers answers) {
        return PlaybookRenderer.texts(warnings, answers);
    }

    /**
     * Answers from raw texts by question id (from a command line, an answers file, or persisted
     * {@link Answers#texts()}): every asked question in order takes its text, its default, or is reported missing.
     * Texts for unknown questions, or for questions not asked given the other answers, are problems too.
     */
    public Outcome<Answers> answersFromTexts(Map<String, String> texts) {
        List<Problem> problems = new ArrayList<>();
        Set<String> known = questions.stream().map(Question::id).collect(Collectors.toSet());
        for (String key : texts.keySet()) {
            if (!known.contains(key)) {
                problems.add(new Problem(key, "playbook " + id + " has no such question; its questions are: "
                        + questions.stream().map(Question::id).collect(Collectors.joining(", "))));
            }
        }
        Answers answers = Answers.empty();
        for (Question q : questions) {
            if (!q.isAsked(answers)) {
                if (texts.containsKey(q.id())) {
                    problems.add(new Problem(q.id(), "is only asked when " + q.when() + ", which these answers do not meet; remove it or change the answers it depends on"));
                }
                continue;
            }
            String text = texts.get(q.id());
            if ((text == null || text.isBlank()) && q.defaultValue(answers).isEmpty() && !q.missingAnswerIsAProblem(answers)) {
                if (text != null) answers = answers.skip(q.id());
                continue;
            }
            ParseResult parsed = q.parse(text, answers);
            if (parsed.error().isPresent()) {
                problems.add(Problem.fromParseError(q.id(), parsed.error().get()));
            } else {
                answers = answers.record(q.id(), parsed);
            }
        }
        return problems.isEmpty() ? Outcome.ok(answers) : Outcome.failed(problems);
    }

    /**
     * True when this playbook lets callback URLs use a custom scheme such as {@code cursor://}: a URL question of
     * it allows one, or its template or overrides name one literally (as for Cursor).
     */
    public boolean allowsCustomSchemeCallbacks() {
        if (questions.stream().anyMatch(q -> q.validation().allowCustomSchemes())) return true;
        List<Object> callbacks = new ArrayList<>();
        callbacks.add(template.values().get(TemplateSetting.CALLBACK_URLS));
        overrides.forEach(o -> callbacks.add(o.set().values().get(TemplateSetting.CALLBACK_URLS)));
        return callbacks.stream()
                .flatMap(v -> v instanceof List<?> list ? list.stream() : Stream.of(v))
                .anyMatch(v -> v instanceof String url && !url.contains("${") && url.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")
                        && !url.regionMatches(true, 0, "http", 0, 4));
    }

    @Override
    public String toString() {
        return id + " (" + vendor + ": " + title + ")";
    }
}
