package dev.ecabot.conversation.dialogue;

import dev.ecabot.approval.ApprovalDraft;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.conversation.approvals.ApprovalFlow;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.PromptRef;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.state.ConversationKey;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.conversation.state.Stage;
import dev.ecabot.playbook.Answers;
import dev.ecabot.playbook.Outcome;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.Problem;
import dev.ecabot.playbook.Question;
import dev.ecabot.playbook.QuestionType;
import dev.ecabot.provisioning.AppProvisioner;
import dev.ecabot.provisioning.ProvisioningRequest;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The {@code new} conversation: pick a playbook, pick an org, answer the playbook's questions (each validated as
 * it arrives and re-asked with the reason when invalid), confirm a summary of exactly what will be created, then
 * hand over to {@link ProvisioningRunner}. Every step is saved, so any engine instance can take the next answer.
 * Stateless between calls and thread-safe (the engine serialises calls per conversation).
 */
public final class NewAppDialogue {

    static final String PLAYBOOK_PROMPT = PromptRef.Fixed.PLAYBOOK.encode();
    /** Asked only for a playbook without an org question of its own. */
    static final String ORG_PROMPT = PromptRef.Fixed.ORG.encode();
    private static final Set<String> YES = Set.of("yes", "y", "confirm", "create", "create it", "ok", "1");
    private static final Set<String> NO = Set.of("no", "n", "cancel", "2");

    private final ConversationStore store;
    private final PlaybookCatalog catalog;
    private final NewAppStages stages;
    private final OrgDirectory orgs;
    private final ProvisioningRunner runner;
    private final AppProvisioner provisioner;
    private final AnswerChecks checks;
    private final ApprovalGate approvals;
    private final ApprovalFlow approvalFlow;
    private final RequestReader reader;
    private final OrgChecks orgChecks;
    private final DryRuns dryRuns;
    private final Clock clock;
    /** Takes the conversations that update an existing app ({@code update <app>}); null: the bot talks to no org. */
    private volatile AppUpdateDialogue updates;
    /** Each person's org last time, offered as the default org; null: none offered. */
    private volatile LastOrgChoices lastOrgs;

    public NewAppDialogue(ConversationStore store, PlaybookCatalog catalog, PlaybookRenderer renderer,
                          OrgDirectory orgs, ProvisioningRunner runner, AppProvisioner provisioner, ApprovalGate approvals,
                          ApprovalFlow approvalFlow, OrgChecks orgChecks, DryRuns dryRuns, Clock clock) {
        this.orgChecks = orgChecks;
        this.dryRuns = dryRuns;
        this.provisioner = provisioner;
        this.checks = new AnswerChecks(orgs, provisioner, orgChecks);
        this.store = store;
        this.catalog = catalog;
        this.stages = new NewAppStages(catalog, renderer);
        this.orgs = orgs;
        this.runner = runner;
        this.approvals = approvals;
        this.approvalFlow = approvalFlow;
        this.reader = new RequestReader(catalog, orgs);
        this.clock = clock;
    }

    /** Offers each person the org of their last request as the default org, and keeps it from {@code choices}. */
    public NewAppDialogue rememberingOrgChoicesIn(LastOrgChoices choices) {
        this.lastOrgs = choices;
        return this;
    }

    /** Hands the conversations that update an app to {@code updates} (they share the store, stages and commands). */
    public NewAppDialogue handingUpdatesTo(AppUpdateDialogue updates) {
        this.updates = updates;
        return this;
    }

    /** {@code new [playbook] [org]}: the words may name a playbook (id or vendor) and an org, in any order. */
    public void start(ChatEvent event, List<String> words, Replies replies) {
        RequestReader.Named named = reader.fromWords(words);
        if (!named.unknownWords().isEmpty()) {
            replies.warn("I know no playbook or org called \"" + String.join(" ", named.unknownWords())
                    + "\"; pick from the list instead.");
        }
        begin(event, named.playbook(), named.org(), replies);
    }

    /**
     * Starts {@code new} when free text names a known vendor or org (and {@code mayStart} allows it, which
     * answers the person itself when not); false when the text names neither.
     */
    public boolean startFromFreeText(ChatEvent.Text event, Replies replies, BooleanSupplier mayStart) {
        RequestReader.Named named = reader.fromText(event.text());
        if (named.isEmpty()) return false;
        if (mayStart.getAsBoolean()) begin(event, named.playbook(), named.org(), replies);
        return true;
    }

    /** Takes the answer to whatever {@code state} waits for: a typed text, a button or a form. */
    public void answer(ConversationState stored, ChatEvent event, Replies replies) {
        ConversationState state = stored.touchedBy(event.user(), event.place(), clock.instant());
        if (updates != null && AppUpdateDialogue.isUpdate(state)) {
            updates.answer(state, event, replies);
            return;
        }
        Optional<String> raw = rawAnswer(state, event, replies);
        if (raw.isEmpty()) return;
        String text = raw.get();
        stages.read(state).on(
                choosing -> choosePlaybook(state, text, replies),
                choosing -> chooseOrg(state, text, replies),
                answering -> {
                    if (answersSeveral(answering, event)) {
                        answerForm(answering, ((ChatEvent.FormSubmission) event).values(), replies);
                    } else {
                        answerQuestion(answering, text, replies);
                    }
                },
                confirming -> confirm(confirming, text, replies),
                giving -> giveReason(giving, text, replies),
                awaiting -> replies.say("Your request " + awaiting.approvalRequestId() + " " + subject(state) + " is "
                        + "waiting for approval; I will tell you here when an approver decides. Say \"cancel\" to withdraw it."),
                provisioning -> replies.say("Your app " + subject(state) + " is being created; I will post here "
                        + "when it is done."),
                failed -> retry(failed, text, replies),
                outdated -> {
                    // its playbook changed under the confirmation or the reason: "no" still cancels; else ask again
                    if (state.stage() == Stage.CONFIRMING && NO.contains(text.strip().toLowerCase(Locale.ROOT))) {
                        cancel(state, replies);
                    } else {
                        advance(state, replies, null);
                    }
                });
    }

    /** After a failure that changed the org: "retry" runs the same request again, where it stopped. */
    private void retry(NewAppStage.Failed failed, String raw, Replies replies) {
        ConversationState state = failed.state();
        if (!raw.strip().equalsIgnoreCase("retry")) {
            replies.say("Creating the app " + subject(state) + " stopped with an error. Say \"retry\" to continue where"
                    + " it stopped (no second app will be made), or \"cancel\".");
            return;
        }
        Optional<AppToCreate> app = stages.app(state);
        if (app.isEmpty() || !runner.claim(state)) {
            replies.warn(app.isEmpty() ? "The playbook of this request changed, so I cannot retry it; an admin can"
                    + " see with \"inventory\" whether the app exists. Say \"cancel\" to end this conversation."
                    : "This request is being retried already; I will post here when it is done.");
            return;
        }
        ConversationState provisioning = store.save(failed.provisioning().state());
        replies.say("Retrying: picking up where it stopped.");
        create(app.get().in(provisioning), app.get().order());
    }

    /** Hands {@code app} (its conversation saved as provisioning) to the runner, which creates it in the background. */
    private void create(AppToCreate app, ProvisioningRequest order) {
        runner.start(app.state(), app.playbook(), app.rendering(), order);
    }

    /** "about Vonage AI Studio in prod", for messages about this conversation. */
    public String subject(ConversationState state) {
        if (AppUpdateDialogue.isUpdate(state)) return AppUpdateDialogue.subjectOf(state);
        Optional<Playbook> playbook = playbookOf(state);
        String what = playbook.map(Playbook::title).orElse("a new app");
        return "about " + what + (state.org() == null ? "" : " in " + state.org());
    }

    /** Where the conversation stands, in one sentence. */
    public String describe(ConversationState state) {
        if (updates != null && AppUpdateDialogue.isUpdate(state)) return updates.describe(state);
        String base = "You are setting up " + playbookOf(state).map(Playbook::title).orElse("a new app")
                + (state.org() == null ? "" : " in " + state.org());
        return switch (state.stage()) {
            case CHOOSING_PLAYBOOK -> "You are starting a new app; I am waiting for you to pick a playbook.";
            case CHOOSING_ORG -> base + "; I am waiting for you to pick an org.";
            case ANSWERING -> base + " (" + state.answers().size() + (state.answers().size() == 1 ? " answer" : " answers")
                    + " so far); I am waiting for: "
                    + playbookOf(state).flatMap(p -> p.question(state.pending())).map(q -> q.prompt().strip())
                    .orElse(state.pending());
            case CONFIRMING -> base + "; I am waiting for you to confirm the summary.";
            case GIVING_REASON -> base + "; I am waiting for the reason approvers will read.";
            case AWAITING_APPROVAL -> base + "; request " + state.pending() + " is waiting for an approver.";
            case PROVISIONING -> base + "; the app is being created now.";
            case FAILED -> base + "; creating it stopped with an error: say \"retry\" to continue, or \"cancel\".";
        };
    }

    /**
     * Picks up provisioning a restart cut short, unless an instance runs it now (its lease is live): the same order
     * (same request id) goes to provisioning again, which finds what the first attempt did instead of making a
     * second app. True when this instance took it over.
     */
    public boolean resumeProvisioning(ConversationState state, Replies replies) {
        if (AppUpdateDialogue.isUpdate(state)) return updates != null && updates.resume(state, replies);
        if (!runner.claim(state)) return false;
        Optional<AppToCreate> app = stages.app(state);
        if (app.isEmpty()) {
            store.save(state.withStage(Stage.FAILED, null));
            runner.release(state);
            replies.error("I was restarted while creating the app " + subject(state) + " and cannot pick it up "
                    + "again (its playbook changed). An admin can see with \"inventory\" or \"sync\" whether it exists;"
                    + " say \"cancel\" to end this conversation.");
            return true;
        }
        replies.say("I was restarted while creating " + app.get().rendering().spec().app().label()
                + "; picking up where it stopped.");
        create(app.get(), app.get().order());
        return true;
    }

    /** Shows the prompt the conversation waits for again (after {@code status}, a stale button, a restart). */
    public void repeatPrompt(ConversationState state, Replies replies) {
        if (updates != null && AppUpdateDialogue.isUpdate(state)) {
            updates.repeatPrompt(state, replies);
            return;
        }
        stages.read(state).on(
                choosing -> advance(state, replies, null),
                choosing -> advance(state, replies, null),
                answering -> advance(state, replies, null),
                confirming -> showSummary(confirming, replies),
                giving -> replies.send(ApprovalFlow.reasonPrompt(state.org(),
                        approvals.approvalsNeeded(giving.app().order()), null)),
                awaiting -> { }, // nothing to answer: the approvers decide
                provisioning -> { }, // nothing to answer: the runner posts when it is done
                failed -> retry(failed, "", replies),
                outdated -> advance(state, replies, null));
    }

    private void begin(ChatEvent event, Playbook playbook, String org, Replies replies) {
        ConversationKey key = ConversationKey.of(event);
        Optional<ConversationState> existing = store.find(key);
        if (existing.isPresent()) {
            if (existing.get().stage() == Stage.AWAITING_APPROVAL) {
                replies.say("Your request " + existing.get().pending() + " " + subject(existing.get()) + " is waiting "
                        + "for approval. Say \"cancel\" to withdraw it before starting another one (or use another thread).");
            } else if (existing.get().stage() == Stage.PROVISIONING) {
                replies.say("Your app " + subject(existing.get()) + " is still being created; I will post here when "
                        + "it is done. Start another one after that (or in another thread).");
            } else {
                replies.warn("You already have a conversation in progress " + subject(existing.get())
                        + ". Answer its question, or say \"cancel\" first.");
                repeatPrompt(existing.get(), replies);
            }
            return;
        }
        ConversationState state = ConversationState.start(key, event.user(), event.place(), clock.instant());
        if (playbook != null) {
            state = state.withPlaybook(playbook.id());
            replies.say(introduction(playbook, org));
        }
        if (org != null) {
            orgReady(state.withOrg(org), replies).ifPresent(s -> advance(s, replies, null));
            return;
        }
        advance(state, replies, null);
    }

    private void choosePlaybook(ConversationState state, String raw, Replies replies) {
        Optional<Playbook> picked = OptionMatch.find(playbookOptions(), raw).flatMap(o -> catalog.find(o.value()))
                .or(() -> reader.playbook(raw));
        if (picked.isEmpty()) {
            advance(state, replies, "\"" + raw + "\" is not a playbook I know; pick one of the list.");
            return;
        }
        replies.say(introduction(picked.get(), state.org()));
        advance(state.withPlaybook(picked.get().id()), replies, null);
    }

    private void chooseOrg(ConversationState state, String raw, Replies replies) {
        Optional<String> org = OptionMatch.find(orgOptions(), raw).map(Option::value);
        if (org.isEmpty()) {
            advance(state, replies, "\"" + raw + "\" is not an org I know; the orgs are: "
                    + String.join(", ", orgs.names()) + ".");
            return;
        }
        orgReady(state.withOrg(org.get()), replies).ifPresent(s -> advance(s, replies, null));
    }

    private void answerQuestion(NewAppStage.Answering answering, String raw, Replies replies) {
        ConversationState state = answering.state();
        Playbook playbook = answering.playbook();
        Question q = playbook.question(answering.questionId()).orElseThrow();
        Answers answers = NewAppStages.answersOf(playbook, state);
        AnswerChecks.Judged judged = checks.judge(state, playbook, q, raw, answers,
                personalDefault(q, answers, state), replies);
        if (judged.refusal() != null) {
            // asked again with what was typed still in the field, so fixing it is one edit, not retyping it all
            advance(state, replies, judged.refusal(), new Retyped(q.id(), raw));
            return;
        }
        ConversationState next = state.withAnswer(q.id(), judged.text());
        if (q.type() == QuestionType.ORG) {
            orgReady(next.withOrg(judged.text()), replies).ifPresent(s -> advance(s, replies, null));
            return;
        }
        advance(next, replies, null);
    }

    /** A submitted form carries answers to questions besides the one the conversation names (a whole step). */
    private static boolean answersSeveral(NewAppStage.Answering answering, ChatEvent event) {
        return event instanceof ChatEvent.FormSubmission form
                && form.values().keySet().stream().anyMatch(id -> !id.equals(answering.questionId()));
    }

    /**
     * A form answering the questions of one step together: each value is checked as a typed answer would be (in
     * playbook order, so a default derived from an earlier field of the same form applies). All valid: they are kept
     * at once and the conversation moves on (to the step the answers open, if any). Any refused: nothing is kept
     * yet and the same form comes back with every value as typed and each reason beside its field, so a refusal
     * loses nothing. A question the form does not carry stays open.
     */
    private void answerForm(NewAppStage.Answering answering, Map<String, String> values, Replies replies) {
        ConversationState state = answering.state();
        Playbook playbook = answering.playbook();
        Answers before = NewAppStages.answersOf(playbook, state);
        List<Question> step = QuestionSteps.current(playbook, state.answers(), before);
        ConversationState next = state;
        Answers answers = before;
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        for (Question q : step) {
            if (!values.containsKey(q.id())) continue;
            AnswerChecks.Judged judged = checks.judge(next, playbook, q, values.get(q.id()), answers,
                    personalDefault(q, answers, state), replies);
            if (judged.refusal() != null) {
                refusals.put(q.id(), judged.refusal());
                continue;
            }
            next = next.withAnswer(q.id(), judged.text());
            answers = NewAppStages.answersOf(playbook, next);
        }
        if (!refusals.isEmpty()) {
            store.save(state);
            replies.send(QuestionPrompts.form(step, before, orgs.names(), formTitle(playbook, step), refusals,
                    values, personalDefaults(step, before, state)));
            return;
        }
        advance(next, replies, null);
    }

    /**
     * The org is known now: checks its External Client App settings (ending the conversation when no app can be
     * created there) and the answers given before it was known. Empty when the conversation ended.
     */
    private Optional<ConversationState> orgReady(ConversationState state, Replies replies) {
        List<dev.ecabot.salesforce.OrgReadiness.Finding> findings = orgChecks.org(state.org());
        String blocking = findings.stream().filter(f -> f.blocking()).map(f -> f.text()).collect(Collectors.joining(" "));
        if (!blocking.isEmpty()) {
            store.delete(state.key());
            replies.error(blocking + " Nothing was asked or created; say \"new\" again once it is changed.");
            return Optional.empty();
        }
        findings.forEach(f -> replies.warn(f.text()));
        Optional<Playbook> playbook = playbookOf(state);
        if (playbook.isEmpty()) return Optional.of(state);
        ConversationState checked = state;
        for (Map.Entry<String, String> answer : state.answers().entrySet()) {
            if (answer.getValue().isBlank()) continue;
            Optional<String> refused = checks.inOrg(playbook.get(), answer.getKey(), state.org(), answer.getValue(), replies);
            if (refused.isPresent()) {
                replies.warn(refused.get());
                checked = checked.withoutAnswer(answer.getKey()); // asked again, after the reason
            }
        }
        return Optional.of(checked);
    }

    /** The answer to the summary, which shows {@code confirming}'s app: what is confirmed is what was shown. */
    private void confirm(NewAppStage.Confirming confirming, String raw, Replies replies) {
        ConversationState state = confirming.state();
        AppToCreate app = confirming.app();
        String answer = raw.strip().toLowerCase(Locale.ROOT);
        if (NO.contains(answer)) {
            cancel(state, replies);
            return;
        }
        if (answer.equals("change") || answer.startsWith("change ")) {
            changeOne(confirming, raw.strip().substring("change".length()).strip(), replies);
            return;
        }
        if (answer.equals("render")) {
            // the metadata files, then the summary again (nothing is deployed)
            String version = orgs.apiVersion(state.org()).orElse(dev.ecabot.eca.EcaMetadataWriter.DEFAULT_API_VERSION);
            MetadataPreview.of(app.rendering(), version).forEach(replies::send);
            showSummary(confirming, replies);
            return;
        }
        if (answer.equals("dry run") || answer.equals("dry-run")) {
            dryRuns.start(state.org(), app.rendering().spec(), replies);
            return;
        }
        if (!YES.contains(answer)) {
            replies.warn("Please confirm (\"yes\"), cancel (\"no\"), say \"change <question>\" to change one answer,"
                    + " \"render\" to see the metadata files first, or \"dry run\" to have Salesforce validate them.");
            showSummary(confirming, replies);
            return;
        }
        if (nameTaken(app, replies)) return;
        ProvisioningRequest order = app.order();
        int needed = approvals.approvalsNeeded(order);
        if (needed > 0) {
            approvalFlow.askReason(state, needed, replies);
            return;
        }
        if (!runner.claim(state)) {
            replies.say("This app is being created already; I will post here when it is done.");
            return;
        }
        ConversationState provisioning = store.save(confirming.provisioning().state());
        replies.say("Confirmed: I am creating it now and will post progress here.");
        create(app.in(provisioning), order);
    }

    private void cancel(ConversationState state, Replies replies) {
        store.delete(state.key());
        replies.say("Cancelled. Nothing was created.");
    }

    /**
     * {@code change <question>} at the confirmation: forgets that one answer and asks the question again (then the
     * summary again), instead of cancelling and starting over. The question is named by its id ("contact_email"),
     * its id with spaces ("contact email"), or words of its prompt that name one question only.
     */
    private void changeOne(NewAppStage.Confirming confirming, String which, Replies replies) {
        ConversationState state = confirming.state();
        Playbook playbook = confirming.app().playbook();
        Answers answers = NewAppStages.answersOf(playbook, state);
        List<Question> changeable = playbook.questions().stream()
                .filter(q -> q.isAsked(answers) && state.answers().containsKey(q.id()) && q.type() != QuestionType.ORG)
                .toList();
        String wanted = which.toLowerCase(Locale.ROOT).replace(' ', '_');
        List<Question> named = changeable.stream().filter(q -> q.id().equalsIgnoreCase(wanted)).toList();
        if (named.isEmpty() && !which.isBlank()) {
            String words = which.toLowerCase(Locale.ROOT);
            named = changeable.stream().filter(q -> q.prompt().toLowerCase(Locale.ROOT).contains(words)).toList();
        }
        if (named.size() != 1) {
            String list = changeable.stream().map(q -> q.id() + " (" + shown(state.answers().get(q.id())) + ")")
                    .collect(Collectors.joining(", "));
            replies.warn((which.isBlank() ? "Which answer should I change? "
                    : named.isEmpty() ? "No question here is called \"" + which + "\". "
                    : "\"" + which + "\" names several questions. ")
                    + "Say \"change <question>\" with one of: " + list + ". (To use another org, cancel and start again.)");
            showSummary(confirming, replies);
            return;
        }
        Question q = named.get(0);
        replies.say("Changing " + q.id() + " (now " + shown(state.answers().get(q.id())) + "); the other answers stay.");
        advance(state.withoutAnswer(q.id()), replies, null);
    }

    private static String shown(String answer) {
        return answer == null || answer.isBlank() ? "not given" : "\"" + answer + "\"";
    }

    /**
     * Checks, just before the request goes to approvers or to Salesforce, that its API name is still its own (an
     * app may have appeared meanwhile); when not, asks for another name with the reason. True when it was taken.
     */
    private boolean nameTaken(AppToCreate app, Replies replies) {
        ConversationState state = app.state();
        String apiName = app.rendering().spec().apiName();
        Optional<String> taken = provisioner.reserveName(state.requestId(), state.org(), apiName, state.user().ref());
        if (taken.isEmpty()) return false;
        Optional<Question> nameQuestion = app.playbook().questions().stream()
                .filter(q -> q.type() == QuestionType.API_NAME).findFirst();
        if (nameQuestion.isEmpty()) {
            store.delete(state.key());
            replies.error(taken.get() + " Nothing was created; say \"new\" to start again.");
            return true;
        }
        advance(state.withoutAnswer(nameQuestion.get().id()), replies, taken.get());
        return true;
    }

    /** The reason for the approval request: store it and show the approvers (nothing is created yet). */
    private void giveReason(NewAppStage.GivingReason giving, String raw, Replies replies) {
        ConversationState state = giving.state();
        AppToCreate app = giving.app();
        String reason = raw.strip();
        if (reason.isEmpty() || reason.length() > 2000) {
            store.save(state);
            replies.send(ApprovalFlow.reasonPrompt(state.org(), approvals.approvalsNeeded(app.order()),
                    reason.isEmpty() ? "Approvers need a reason; say in a sentence what the app is for."
                            : "Keep the reason under 2000 characters (it has " + reason.length() + ")."));
            return;
        }
        approvalFlow.submit(state, app.draft(reason), approvals.need(app.order()), replies);
    }

    /**
     * Request {@code request} was approved by {@code approver}: close its cards and create the app, unless what the
     * conversation would create now differs from what was approved (a playbook changed): then it needs approving again.
     */
    public void provisionApproved(ApprovalRequest request, ChatUser approver) {
        approvalFlow.approved(request, approver);
        Optional<ConversationState> waiting = approvalFlow.waitingFor(request.id());
        if (waiting.isEmpty()) return; // withdrawn or ended meanwhile: nothing to create
        NewAppStage.AwaitingApproval awaiting = new NewAppStage.AwaitingApproval(waiting.get(), request.id());
        ConversationState state = awaiting.state();
        Replies replies = approvalFlow.repliesTo(state);
        Optional<AppToCreate> app = stages.app(state);
        if (app.isEmpty()) {
            store.delete(state.key());
            replies.error("Request " + request.id() + " was approved, but its playbook changed so that your answers no "
                    + "longer make an app. Nothing was created; say \"new\" to start again.");
            return;
        }
        ApprovalDraft now = app.get().draft(request.draft().reason());
        if (!request.covers(now)) {
            replies.warn("Request " + request.id() + " was approved, but what I would create changed since it was "
                    + "shown to the approvers, so it needs approving again. Nothing was created.");
            approvalFlow.submit(state, now, approvals.need(app.get().order()), replies);
            return;
        }
        if (!runner.claim(state)) return; // approved twice at once: the other approval's instance creates it
        ConversationState provisioning = store.save(awaiting.provisioning().state());
        replies.say("Request " + request.id() + " was approved by " + ApprovalFlow.approvers(request, approver)
                + ". Creating it now; I will post progress here.");
        create(app.get().in(provisioning), app.get().order().approvedBy(request.approvedBy()));
    }

    /**
     * Moves the conversation to its next prompt, saves it, and sends the prompt (with {@code error}, the reason
     * the last answer was refused, when there is one).
     */
    private void advance(ConversationState current, Replies replies, String error) {
        advance(current, replies, error, null);
    }

    /** An answer refused for question {@code questionId}, as typed: shown again in the field when it is asked again. */
    private record Retyped(String questionId, String text) { }

    private void advance(ConversationState current, Replies replies, String error, Retyped retyped) {
        ConversationState state = current;
        if (state.playbookId() == null) {
            store.save(state.withStage(Stage.CHOOSING_PLAYBOOK, PLAYBOOK_PROMPT));
            replies.send(new ChoicePrompt(PLAYBOOK_PROMPT, "Which integration is the app for?", playbookOptions(),
                    null, error));
            return;
        }
        Playbook playbook = playbookOf(state).orElse(null);
        if (playbook == null) {
            store.delete(state.key());
            replies.error("The playbook \"" + state.playbookId() + "\" is no longer available; say \"new\" to start "
                    + "again with another one.");
            return;
        }
        while (true) {
            if (tooOldFor(playbook, state, replies)) return;
            Answers answers = NewAppStages.answersOf(playbook, state);
            Optional<Question> next = NewAppStages.nextQuestion(playbook, state, answers);
            if (next.isEmpty()) break;
            Question q = next.get();
            if (q.type() == QuestionType.ORG && state.org() != null) {
                state = state.withAnswer(q.id(), state.org()); // named in "new vonage demo": no need to ask
                continue;
            }
            store.save(state.withStage(Stage.ANSWERING, q.id()));
            String typed = retyped != null && retyped.questionId().equals(q.id()) ? retyped.text() : null;
            List<Question> step = replies.port().showsForms(state.user().platform())
                    ? QuestionSteps.current(playbook, state.answers(), answers) : List.of();
            if (step.size() > 1 && step.get(0).equals(q)) {
                replies.send(QuestionPrompts.form(step, answers, orgs.names(), formTitle(playbook, step),
                        error == null ? Map.of() : Map.of(q.id(), error), typed == null ? Map.of() : Map.of(q.id(), typed),
                        personalDefaults(step, answers, state)));
            } else {
                replies.send(prompt(playbook, state, q, answers, error, typed));
            }
            return;
        }
        if (state.org() == null) {
            store.save(state.withStage(Stage.CHOOSING_ORG, ORG_PROMPT));
            replies.send(new ChoicePrompt(ORG_PROMPT, "Which Salesforce org should the app be created in?",
                    orgOptions(), lastOrg(state.user()).orElse(null), error));
            return;
        }
        if (tooOldFor(playbook, state, replies)) return;
        Outcome<AppToCreate> app = stages.app(state, playbook); // rendered once for this answer set
        if (!app.isOk()) {
            reaskFor(playbook, state, app.problems(), replies);
            return;
        }
        confirmSummary(app.orElseThrow(), replies);
    }

    /**
     * Shows the summary of {@code confirming}'s app again (after "render", an unclear answer, {@code status}) from the
     * rendering it carries, unless the playbook changed so that a question is open again: then that is asked.
     */
    private void showSummary(NewAppStage.Confirming confirming, Replies replies) {
        AppToCreate app = confirming.app();
        ConversationState state = app.state();
        Answers answers = NewAppStages.answersOf(app.playbook(), state);
        if (state.org() == null || NewAppStages.nextQuestion(app.playbook(), state, answers).isPresent()) {
            advance(state, replies, null);
            return;
        }
        if (tooOldFor(app.playbook(), state, replies)) return;
        confirmSummary(app, replies);
    }

    /** Moves the conversation to the confirmation of {@code app} and shows its summary. */
    private void confirmSummary(AppToCreate app, Replies replies) {
        ConversationState state = app.state();
        store.save(state.withStage(Stage.CONFIRMING, AppSummaries.CONFIRM_ID));
        LastOrgChoices choices = lastOrgs;
        if (choices != null) choices.remember(state.user(), state.org(), clock.instant());
        replies.send(AppSummaries.toConfirm(app.playbook(), state.org(), app.rendering(),
                state.user().ref().toString()));
    }

    /** The settings do not render: drop the answers the problems name and ask them again, with the reason. */
    private void reaskFor(Playbook playbook, ConversationState state, List<Problem> problems, Replies replies) {
        String reasons = problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
        ConversationState fixed = state;
        for (Problem p : problems) {
            if (!state.answers().containsKey(p.field())) continue;
            fixed = fixed.withoutAnswer(p.field());
            boolean orgQuestion = playbook.question(p.field()).map(q -> q.type() == QuestionType.ORG).orElse(false);
            if (orgQuestion) fixed = fixed.withOrg(null);
        }
        if (fixed.answers().size() == state.answers().size()) {
            store.delete(state.key());
            replies.error("This playbook cannot create an app from these answers (" + reasons + "). Nothing was "
                    + "created; please tell the bot's admins.");
            return;
        }
        advance(fixed, replies, reasons);
    }

    private Optional<String> rawAnswer(ConversationState state, ChatEvent event, Replies replies) {
        if (event instanceof ChatEvent.Text text) return Optional.of(text.text());
        if (!event.prompt().equals(expectedPrompt(state))) {
            replies.warn("That answers an earlier question. Here is the one I am waiting for:");
            repeatPrompt(state, replies);
            return Optional.empty();
        }
        if (event instanceof ChatEvent.Choice c) return Optional.of(c.value());
        Map<String, String> values = ((ChatEvent.FormSubmission) event).values();
        String value = values.get(state.pending());
        return Optional.of(value == null ? "" : value);
    }

    /**
     * The button or form the conversation waits for, by its stage: decided from the stage rather than the stored
     * pending id, so a question whose id is a word the bot uses itself ("confirm", "playbook") is still only itself.
     */
    static Optional<PromptRef> expectedPrompt(ConversationState state) {
        return switch (state.stage()) {
            case CHOOSING_PLAYBOOK -> Optional.of(PromptRef.Fixed.PLAYBOOK);
            case CHOOSING_ORG -> Optional.of(PromptRef.Fixed.ORG);
            case ANSWERING -> Optional.ofNullable(state.pending()).map(PromptRef.Question::new);
            case CONFIRMING -> Optional.of(PromptRef.Fixed.CONFIRM);
            case GIVING_REASON -> Optional.of(PromptRef.Fixed.APPROVAL_REASON);
            default -> Optional.empty();
        };
    }

    private ChatMessage prompt(Playbook playbook, ConversationState state, Question q, Answers answers, String error,
                               String typed) {
        // the question's place among those asked given the answers so far: stored answers also hold questions no longer
        // asked (and skipped ones), so counting them made the numbers jump
        List<Question> askedNow = playbook.questions().stream().filter(x -> x.isAsked(answers)).toList();
        int position = askedNow.indexOf(q) + 1;
        String title = playbook.title() + ", question " + (position == 0 ? askedNow.size() : position) + " of "
                + askedNow.size();
        return QuestionPrompts.prompt(q, answers, orgs.names(), title, error, typed,
                personalDefault(q, answers, state).orElse(null));
    }

    /** The org of {@code user}'s last request, while it is still one of the orgs. */
    private Optional<String> lastOrg(ChatUser user) {
        LastOrgChoices choices = lastOrgs;
        return choices == null ? Optional.empty() : choices.of(user).flatMap(orgs::find);
    }

    /**
     * The header of a form asking a whole step: how many questions it holds, and for a step of conditional questions
     * that they follow from the answers given ("3 more questions from your answers").
     */
    private static String formTitle(Playbook playbook, List<Question> step) {
        boolean followsAnswers = step.stream().anyMatch(q -> !q.when().isAlways());
        return playbook.title() + ": " + step.size() + (followsAnswers ? " more questions from your answers" : " questions");
    }

    /** The asker's own defaults (their profile email) for the questions of {@code step}, by question id. */
    private Map<String, String> personalDefaults(List<Question> step, Answers answers, ConversationState state) {
        Map<String, String> defaults = new java.util.HashMap<>();
        for (Question q : step) personalDefault(q, answers, state).ifPresent(d -> defaults.put(q.id(), d));
        return defaults;
    }

    /**
     * What the platform knows about the asker that answers {@code q} when the playbook has no default: their profile
     * email for an email question (the contact email), the org of their last request for an org question. Prefilled
     * in the form; a blank answer takes it too.
     */
    private Optional<String> personalDefault(Question q, Answers answers, ConversationState state) {
        if (q.defaultValue(answers).isPresent()) return Optional.empty();
        if (q.type() == QuestionType.ORG) return lastOrg(state.user());
        if (q.type() != QuestionType.EMAIL) return Optional.empty();
        String email = state.user().email();
        return email == null || email.isBlank() ? Optional.empty() : Optional.of(email);
    }

    private Optional<Playbook> playbookOf(ConversationState state) {
        return stages.playbookOf(state);
    }

    private List<Option> playbookOptions() {
        return catalog.all().stream().map(p -> new Option(p.id(), p.title(), p.vendor())).toList();
    }

    private List<Option> orgOptions() {
        return orgs.names().stream().map(o -> Option.of(o, o)).toList();
    }

    /**
     * Ends the conversation with a clear refusal when the org is set to call an API version older than the
     * playbook's {@code min_api_version}: checked as soon as the org is known, before the next question.
     */
    private boolean tooOldFor(Playbook playbook, ConversationState state, Replies replies) {
        if (state.org() == null) return false;
        Optional<String> version = orgs.apiVersion(state.org());
        if (version.isEmpty() || !playbook.needsNewerThan(version.get())) return false;
        store.delete(state.key());
        String needed = playbook.minApiVersion();
        replies.error(playbook.title() + " needs Salesforce API " + needed + " ("
                + dev.ecabot.salesforce.ApiVersions.releaseName(needed) + ") or later, but org '" + state.org()
                + "' is set to call " + version.get() + " (" + dev.ecabot.salesforce.ApiVersions.releaseName(version.get())
                + "). Nothing was asked or created. Once the org has " + dev.ecabot.salesforce.ApiVersions.releaseName(needed)
                + ", an operator sets apiVersion: \"" + needed + "\" for org '" + state.org() + "' in ecabot.yaml;"
                + " then say \"new\" again.");
        return true;
    }

    private static String introduction(Playbook playbook, String org) {
        return "Let's set up " + playbook.title() + (org == null ? "" : " in " + org) + ". "
                + (playbook.description().isEmpty() ? "" : playbook.description() + " ")
                + "Say \"cancel\" at any time to stop.";
    }
}
