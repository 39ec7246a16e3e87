package dev.ecabot.playbook;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.EcaSpecValidator;
import dev.ecabot.eca.SpecProblem;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.RefreshTokenPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a playbook with answers into a {@link Rendering}: completes the answers (defaults, required checks),
 * lays the overrides that hold over the template, resolves answer references, builds the {@link EcaSpec}, and
 * fills in the texts. Any problem (a missing or invalid answer, a setting Salesforce would refuse) is reported
 * with the question id it comes from. Stateless and thread-safe.
 */
public final class PlaybookRenderer {

    /** Shown in texts for a referenced question that has no answer (an optional one left blank). */
    static final String UNANSWERED = "(not given)";

    /** Renders the playbook with answers parsed from raw texts by question id (see {@link Playbook#answersFromTexts}). */
    public Outcome<Rendering> render(Playbook playbook, Map<String, String> answerTexts) {
        Outcome<Answers> answers = playbook.answersFromTexts(answerTexts);
        if (!answers.isOk()) return Outcome.failed(answers.problems());
        return render(playbook, answers.orElseThrow());
    }

    /** Renders the playbook with typed answers (from a conversation); unasked questions' answers are ignored. */
    public Outcome<Rendering> render(Playbook playbook, Answers given) {
        List<Problem> problems = new ArrayList<>();
        Answers answers = complete(playbook, given, problems);
        if (!problems.isEmpty()) return Outcome.failed(problems);

        EcaTemplate template = playbook.template();
        for (TemplateOverride o : playbook.overrides()) {
            if (o.when().holds(answers)) template = template.overlaidWith(o.set());
        }
        EcaDraft draft = new EcaDraft();
        for (Map.Entry<TemplateSetting, Object> entry : template.values().entrySet()) {
            TemplateSetting setting = entry.getKey();
            try {
                Optional<Object> value = resolve(entry.getValue(), answers);
                if (value.isPresent()) setting.applyTo(draft, value.get());
            } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
                problems.add(new Problem(fieldOf(entry.getValue(), setting), setting.path() + " " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) return Outcome.failed(problems);
        EcaSpec spec = draft.toSpec();
        EcaSpecValidator validator = playbook.allowsCustomSchemeCallbacks()
                ? EcaSpecValidator.allowingCustomSchemes() : EcaSpecValidator.standard();
        for (SpecProblem p : validator.validate(spec)) {
            problems.add(new Problem(SpecFieldOrigin.questionFor(p.field(), template), p.message()));
        }
        if (!problems.isEmpty()) return Outcome.failed(problems);

        return Outcome.ok(new Rendering(playbook.id(), answers, spec, playbook.deliveryFor(answers),
                playbook.approvalRequired(), playbook.activationDelay(), texts(playbook.warnings(), answers),
                texts(playbook.manualSteps(), answers), texts(playbook.nextSteps(), answers),
                reminders(playbook, answers, spec)));
    }

    /** The given answers for asked questions, plus defaults; a required question without either is a problem. */
    private static Answers complete(Playbook playbook, Answers given, List<Problem> problems) {
        Answers answers = Answers.empty();
        for (Question q : playbook.questions()) {
            if (!q.isAsked(answers)) continue;
            Optional<Answer> answer = given.get(q.id()).or(() -> q.defaultValue(given));
            if (answer.isPresent()) {
                answers = answers.with(q.id(), answer.get());
            } else if (q.missingAnswerIsAProblem(answers)) {
                problems.add(new Problem(q.id(), "an answer is required (" + q.prompt().strip() + ")"));
            }
        }
        return answers;
    }

    /**
     * A template value with references resolved: a whole reference gives the typed answer (empty when unanswered:
     * the setting keeps Salesforce's default); references inside text are filled with the answers' text; list
     * elements that are whole references to list answers are flattened into the list.
     */
    static Optional<Object> resolve(Object value, Answers answers) {
        if (value instanceof String text) {
            String whole = TextTemplate.wholeReference(text);
            if (whole != null) return Optional.ofNullable(answers.value(whole));
            for (String ref : TextTemplate.references(text)) {
                if (!answers.has(ref)) throw new IllegalArgumentException("needs an answer to " + ref);
            }
            return Optional.of(TextTemplate.fill(text, answers, UNANSWERED));
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object element : list) {
                Optional<Object> resolved = resolve(element, answers);
                if (resolved.isEmpty()) continue;
                if (resolved.get() instanceof List<?> many) out.addAll(many);
                else out.add(resolved.get());
            }
            return Optional.of(out);
        }
        return Optional.of(value);
    }

    /** The question a failing setting came from (its first reference), else the setting path. */
    static String fieldOf(Object value, TemplateSetting setting) {
        List<String> refs = TextTemplate.references(String.valueOf(value));
        return refs.isEmpty() ? setting.path() : refs.get(0);
    }

    static List<String> texts(List<ConditionalText> texts, Answers answers) {
        List<String> out = new ArrayList<>();
        for (ConditionalText t : texts) {
            if (t.when().holds(answers)) out.add(TextTemplate.fill(t.text(), answers, UNANSWERED).strip());
        }
        return out;
    }

    private static List<PlannedReminder> reminders(Playbook playbook, Answers answers, EcaSpec spec) {
        List<PlannedReminder> out = new ArrayList<>();
        for (ReminderRule rule : playbook.reminders()) {
            if (!rule.when().holds(answers)) continue;
            String text = TextTemplate.fill(rule.text(), answers, UNANSWERED, (id, value) -> playbook.question(id)
                    .flatMap(q -> q.options().stream().filter(o -> o.value().equals(value)).findFirst())
                    .map(Option::label).orElse(value)).strip();
            switch (rule.kind()) {
                case AFTER -> out.add(new PlannedReminder(rule.kind().yamlName(), rule.after(), text));
                case REFRESH_TOKEN_EXPIRY -> refreshTokenLifetime(spec.policies()).ifPresent(lifetime -> {
                    Duration notice = noticeWithin(lifetime, rule.notice());
                    out.add(new PlannedReminder(rule.kind().yamlName(), positive(lifetime.minus(notice)), text, notice));
                });
            }
        }
        return out;
    }

    /**
     * How long before a refresh token lifetime ends to remind: the playbook's (or configured) notice, but never more
     * than a quarter of the lifetime, so a short lifetime (12 hours) is not reminded about the moment the app exists.
     */
    public static Duration noticeWithin(Duration lifetime, Duration notice) {
        Duration quarter = lifetime.dividedBy(4);
        return notice.compareTo(quarter) > 0 ? quarter : notice;
    }

    /** How long a refresh token lives under these policies; empty when it never expires or expires at once. */
    static Optional<Duration> refreshTokenLifetime(OauthPolicies policies) {
        if (policies.refreshTokenPolicy() != RefreshTokenPolicy.SPECIFIC_LIFETIME
                || policies.refreshTokenValidityPeriod() == null || policies.refreshTokenValidityUnit() == null) {
            return Optional.empty();
        }
        long n = policies.refreshTokenValidityPeriod();
        return Optional.of(switch (policies.refreshTokenValidityUnit()) {
            case HOURS -> Duration.ofHours(n);
            case DAYS -> Duration.ofDays(n);
            case MONTHS -> Duration.ofDays(30 * n);
        });
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
