package dev.ecabot.conversation.dialogue;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.approval.ApprovalDraft;
import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.conversation.approvals.ApprovalCards;
import dev.ecabot.conversation.approvals.ApprovalFlow;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.PromptRef;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.duration.HumanTime;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.conversation.state.ConversationKey;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.conversation.state.Stage;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.inventory.AnswersFromSettings;
import dev.ecabot.inventory.AppAnswers;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.playbook.Answers;
import dev.ecabot.playbook.ParseResult;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.Problem;
import dev.ecabot.playbook.Question;
import dev.ecabot.playbook.QuestionType;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.eca.EcaSpecDiff;
import dev.ecabot.provisioning.AppProvisioner;
import dev.ecabot.provisioning.ProvisioningException;
import dev.ecabot.provisioning.ProvisioningLeases;
import dev.ecabot.provisioning.ProvisioningListener;
import dev.ecabot.provisioning.ProvisioningRequest;
import dev.ecabot.eca.SettingDifference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code update <app>} conversation: the app's playbook questions again, each offering today's answer ("keep",
 * an empty answer or the Keep button keep it), then every setting that would change (old -> new, in Setup's words),
 * a confirmation, the org's approval policy for purpose UPDATE, and a redeploy through the provisioning saga's update
 * path (fields the bot does not manage stay as they are in the org; the consumer key stays). Nothing changed: said,
 * nothing deployed. It is a {@link ConversationState} like {@code new}'s, marked by the {@link #TARGET} entry of its
 * answers (the API name being updated), so it survives restarts, expires when idle, and is cancelled with
 * {@code cancel}; a crash while deploying resumes the same saga run. Thread-safe (the engine serialises calls per
 * conversation).
 */
public final class AppUpdateDialogue {

    private static final Logger LOG = LoggerFactory.getLogger(AppUpdateDialogue.class);

    /** The answers entry naming the app being updated; its presence makes a conversation an update. */
    static final String TARGET = "@update";
    /** The reason given with the command ("update X because ..."), for approvers. */
    static final String REASON = "@because";
    /**
     * The update's own run id (random, kept in the conversation): the saga run and the lease of this update, never
     * those of the request that made the app, nor of an earlier update.
     */
    static final String RUN = "@run";
    /** Who approved the update (platform:id, comma-separated), kept for a resumed deploy's audit entry. */
    static final String APPROVED_BY = "@approved";
    /** The confirmation's id: the same as {@code new}'s, so every adapter shows and routes it the same way. */
    static final String CONFIRM_ID = AppSummaries.CONFIRM_ID;
    /** Typed or pressed to keep today's answer. */
    static final String KEEP = "keep";
    private static final Set<String> YES = Set.of("yes", "y", "confirm", "update", "update it", "ok");
    private static final Set<String> NO = Set.of("no", "n", "cancel");

    private final ConversationStore store;
    private final PlaybookCatalog catalog;
    private final PlaybookRenderer renderer = new PlaybookRenderer();
    private final OrgDirectory orgs;
    private final ProvisioningLeases leases;
    private final AppProvisioner provisioner;
    private final ApprovalFlow approvalFlow;
    private final InventoryAppRepository inventory;
    private final AppAnswers kept;
    private final ChatPort port;
    private final EngineSettings settings;

    public AppUpdateDialogue(ConversationStore store, PlaybookCatalog catalog, OrgDirectory orgs, ProvisioningLeases leases,
                             AppProvisioner provisioner, ApprovalFlow approvalFlow, InventoryAppRepository inventory,
                             AppAnswers kept, ChatPort port, EngineSettings settings) {
        this.store = store;
        this.catalog = catalog;
        this.orgs = orgs;
        this.leases = leases;
        this.provisioner = provisioner;
        this.approvalFlow = approvalFlow;
        this.inventory = inventory;
        this.kept = kept;
        this.port = port;
        this.settings = settings;
    }

    /** True when {@code state} is an update conversation (not a {@code new} one). */
    public static boolean isUpdate(ConversationState state) {
        return state.answers().containsKey(TARGET);
    }

    /** {@code update <app>}: starts asking, unless a conversation is in progress here or the app cannot be updated. */
    public void start(ChatEvent event, InventoryApp app, String reason, Replies replies) {
        ConversationKey key = ConversationKey.of(event);
        Optional<ConversationState> existing = store.find(key);
        if (existing.isPresent()) {
            replies.warn("You already have a conversation in progress " + subjectOf(existing.get())
                    + ". Finish it, or say \"cancel\" first (or use another thread).");
            return;
        }
        if (app.status() == AppStatus.DELETED || app.status() == AppStatus.MISSING) {
            replies.warn(app.apiName() + " is " + app.status().name().toLowerCase(Locale.ROOT) + " in " + app.org()
                    + "'s inventory, so there is nothing to update. Say \"sync " + app.org() + "\" if it is back in the org.");
            return;
        }
        Optional<Playbook> playbook = app.playbookId() == null ? Optional.empty() : catalog.find(app.playbookId());
        if (playbook.isEmpty()) {
            replies.warn(app.apiName() + " has " + (app.playbookId() == null ? "no playbook"
                    : "playbook " + app.playbookId() + ", which is no longer available") + ", so I do not know its"
                    + " questions. Say \"assign " + app.apiName() + " " + app.org() + " playbook <id>\" first (\"playbooks\""
                    + " lists them). Nothing was changed.");
            return;
        }
        ConversationState state = ConversationState.start(key, event.user(), event.place(), settings.clock().instant())
                .withPlaybook(playbook.get().id()).withOrg(app.org()).withAnswer(TARGET, app.apiName())
                .withAnswer(RUN, UUID.randomUUID().toString());
        if (!reason.isBlank()) state = state.withAnswer(REASON, reason.strip());
        replies.say("Let's update " + app.apiName() + " (" + playbook.get().title() + ") in " + app.org() + ". I ask the"
                + " playbook's questions with today's answers: say \"keep\" (or send nothing) to keep one. Its API name"
                + " and org stay; settings the bot does not manage stay as they are in the org. Say \"cancel\" to stop.");
        advance(state, replies, null);
    }

    /** Takes the answer to whatever the update waits for. */
    void answer(ConversationState state, ChatEvent event, Replies replies) {
        Optional<String> raw = rawAnswer(state, event, replies);
        if (raw.isEmpty()) return;
        switch (state.stage()) {
            case ANSWERING -> answerQuestion(state, raw.get(), replies);
            case CONFIRMING -> confirm(state, raw.get(), replies);
            case GIVING_REASON -> giveReason(state, raw.get(), replies);
            case AWAITING_APPROVAL -> replies.say("Your request " + state.pending() + " " + subjectOf(state) + " is "
                    + "waiting for approval; I will tell you here when an approver decides. Say \"cancel\" to withdraw it.");
            case PROVISIONING -> replies.say("I am updating " + target(state) + " now; I will post here when it is done.");
            case FAILED -> retry(state, raw.get(), replies);
            default -> advance(state, replies, null);
        }
    }

    /** "about updating Vonage_Prod in demo", for messages about this conversation. */
    static String subjectOf(ConversationState state) {
        return isUpdate(state) ? "about updating " + target(state) + " in " + state.org() : "in progress";
    }

    /** Where the update stands, in one sentence. */
    String describe(ConversationState state) {
        String base = "You are updating " + target(state) + " in " + state.org();
        return switch (state.stage()) {
            case ANSWERING -> base + "; I am waiting for: " + playbookOf(state).flatMap(p -> p.question(state.pending()))
                    .map(q -> q.prompt().strip()).orElse(state.pending());
            case CONFIRMING -> base + "; I am waiting for you to confirm the changes.";
            case GIVING_REASON -> base + "; I am waiting for the reason approvers will read.";
            case AWAITING_APPROVAL -> base + "; request " + state.pending() + " is waiting for an approver.";
            case PROVISIONING -> base + "; it is being redeployed now.";
            case FAILED -> base + "; the redeploy stopped with an error: say \"retry\" to continue, or \"cancel\".";
            default -> base + ".";
        };
    }

    /** Shows the prompt the update waits for again. */
    void repeatPrompt(ConversationState state, Replies replies) {
        switch (state.stage()) {
            case PROVISIONING, AWAITING_APPROVAL -> { }
            case FAILED -> retry(state, "", replies);
            case GIVING_REASON -> replies.send(reasonPrompt(state, null));
            default -> advance(state, replies, null);
        }
    }

    // --- questions ---------------------------------------------------------------------------------------------

    private void answerQuestion(ConversationState state, String raw, Replies replies) {
        Playbook playbook = playbookOf(state).orElse(null);
        Question q = playbook == null ? null : playbook.question(state.pending()).orElse(null);
        if (q == null) {
            advance(state, replies, null);
            return;
        }
        Answers answers = NewAppStages.answersOf(playbook, state);
        String typed = raw.strip();
        Optional<String> today = Optional.ofNullable(todaysAnswers(state, playbook).get(q.id()));
        if (typed.isEmpty() || typed.equalsIgnoreCase(KEEP)) {
            typed = today.orElse("");
        } else if (QuestionPrompts.isOneOf(q)) {
            typed = OptionMatch.find(QuestionPrompts.options(q, orgs.names()), typed).map(Option::value).orElse(typed);
        } else if (q.type() == QuestionType.MULTI_CHOICE) {
            typed = OptionMatch.numbersToValues(QuestionPrompts.options(q, orgs.names()), typed);
        }
        ParseResult parsed = q.parse(typed, answers);
        if (parsed.error().isPresent()) {
            String error = parsed.error().get();
            advance(state, replies, error.startsWith(q.id() + ": ") ? error.substring(q.id().length() + 2) : error);
            return;
        }
        advance(state.withAnswer(q.id(), parsed.answer().map(a -> a.text()).orElse("")), replies, null);
    }

    /** Asks the next question, or shows what would change once every question is settled. */
    private void advance(ConversationState current, Replies replies, String error) {
        Optional<Playbook> found = playbookOf(current);
        Optional<InventoryApp> app = appOf(current);
        if (found.isEmpty() || app.isEmpty()) {
            store.delete(current.key());
            replies.error(target(current) + " or its playbook is no longer available; nothing was changed.");
            return;
        }
        Playbook playbook = found.get();
        ConversationState state = current;
        while (true) {
            Answers answers = NewAppStages.answersOf(playbook, state);
            ConversationState soFar = state;
            Optional<Question> next = playbook.questions().stream()
                    .filter(q -> !soFar.answers().containsKey(q.id()) && q.isAsked(answers)).findFirst();
            if (next.isEmpty()) break;
            Question q = next.get();
            if (q.type() == QuestionType.ORG) {
                state = state.withAnswer(q.id(), state.org()); // the app stays in its org
                continue;
            }
            if (q.type() == QuestionType.API_NAME) {
                state = state.withAnswer(q.id(), app.get().apiName()); // another API name would be another app
                continue;
            }
            store.save(state.withStage(Stage.ANSWERING, q.id()));
            replies.send(prompt(playbook, state, q, answers, todaysAnswers(state, playbook).get(q.id()), error));
            return;
        }
        showChanges(state, playbook, app.get(), replies);
    }

    private ChatMessage prompt(Playbook playbook, ConversationState state, Question q, Answers answers, String today,
                               String error) {
        List<Question> asked = playbook.questions().stream()
                .filter(x -> x.isAsked(answers) && x.type() != QuestionType.ORG && x.type() != QuestionType.API_NAME).toList();
        String title = "Update " + target(state) + ", question " + (asked.indexOf(q) + 1) + " of " + asked.size();
        String now = today == null || today.isBlank() ? "not given" : shown(q, today);
        if (QuestionPrompts.isOneOf(q)) {
            List<Option> options = new ArrayList<>();
            options.add(new Option(KEEP, "Keep: " + now, "today's answer"));
            options.addAll(QuestionPrompts.options(q, orgs.names()));
            String text = title + "\n" + q.prompt().strip() + (q.help() == null ? "" : "\n(" + q.help().strip() + ")");
            return new ChoicePrompt(new PromptRef.Question(q.id()).encode(), text, options, KEEP, error);
        }
        String help = "Today: " + now + ". Say \"keep\" (or send nothing) to keep it."
                + (q.help() == null ? "" : " " + q.help().strip());
        FormField field = new FormField(q.id(), q.prompt().strip(), FieldType.TEXT, today, q.required(), help,
                QuestionPrompts.options(q, orgs.names()), error);
        return new FormPrompt(new PromptRef.Question(q.id()).encode(), title, List.of(field));
    }

    /** An answer as shown: an option's label for choices, the text otherwise. */
    private static String shown(Question q, String text) {
        if (q.type() == QuestionType.YES_NO) return text;
        return q.option(text).map(dev.ecabot.playbook.Option::label).orElse(text);
    }

    // --- changes and confirmation -------------------------------------------------------------------------------

    /** Every setting that would change; none: said, and the conversation ends without a deploy. */
    private void showChanges(ConversationState state, Playbook playbook, InventoryApp app, Replies replies) {
        Optional<Rendering> rendering = rendered(state, playbook, replies);
        if (rendering.isEmpty()) return;
        EcaSpec before = SettingsJson.read(app.settingsJson());
        List<Fact> changes = changes(before, rendering.get().spec());
        if (changes.isEmpty()) {
            store.delete(state.key());
            replies.say("No changes: " + app.apiName() + " in " + app.org() + " already has exactly these settings, so I"
                    + " deployed nothing. (Changed in Setup since? Say \"sync " + app.org() + "\" first.)");
            return;
        }
        store.save(state.withStage(Stage.CONFIRMING, CONFIRM_ID));
        List<String> notes = new ArrayList<>();
        notes.add("Everything else stays, including the settings the bot does not manage; the consumer key and"
                + " secret stay the same.");
        notes.add(activationNote(playbook, changes));
        int needed = approvalsNeeded(state);
        if (needed > 0) {
            notes.add("Org " + state.org() + " needs " + needed + (needed == 1 ? " approval" : " approvals")
                    + " for this change: I will ask the approvers once you confirm.");
        }
        replies.send(new Confirmation(CONFIRM_ID, new Summary("Please check: these settings of " + app.apiName() + " in "
                + app.org() + " change (old -> new).", changes, rendering.get().warnings(), notes), "Update it", "Cancel"));
    }

    private void confirm(ConversationState state, String raw, Replies replies) {
        String answer = raw.strip().toLowerCase(Locale.ROOT);
        if (NO.contains(answer)) {
            store.delete(state.key());
            replies.say("Cancelled. Nothing was changed.");
            return;
        }
        if (!YES.contains(answer)) {
            replies.warn("Please confirm (\"yes\") or cancel (\"no\").");
            advance(state, replies, null);
            return;
        }
        int needed = approvalsNeeded(state);
        if (needed == 0) {
            deploy(state, replies, "Confirmed: updating " + target(state) + " in " + state.org() + " now; I will post"
                    + " here when it is done.");
            return;
        }
        String reason = state.answers().getOrDefault(REASON, "");
        if (reason.isBlank()) {
            store.save(state.withStage(Stage.GIVING_REASON, ApprovalFlow.REASON_FORM));
            replies.send(reasonPrompt(state, null));
            return;
        }
        submit(state, reason, replies);
    }

    private void giveReason(ConversationState state, String raw, Replies replies) {
        String reason = raw.strip();
        if (reason.isEmpty() || reason.length() > 2000) {
            replies.send(reasonPrompt(state, reason.isEmpty() ? "Approvers need a reason; say in a sentence why."
                    : "Keep the reason under 2000 characters (it has " + reason.length() + ")."));
            return;
        }
        submit(state.withAnswer(REASON, reason), reason, replies);
    }

    private FormPrompt reasonPrompt(ConversationState state, String error) {
        int needed = approvalsNeeded(state);
        return new FormPrompt(ApprovalFlow.REASON_FORM, "Org " + state.org() + " needs " + needed
                + (needed == 1 ? " approval" : " approvals") + " before I update " + target(state)
                + ". Why is the change needed? (The approvers will read this.)",
                List.of(new FormField(ApprovalFlow.REASON_FORM, "Reason", FieldType.TEXT, null, true,
                        "e.g. \"the vendor moved its callback URL, ticket OPS-311\"", List.of(), error)));
    }

    /** The approval request: exactly the changes the requester confirmed, so approvers decide on what they saw. */
    private void submit(ConversationState state, String reason, Replies replies) {
        Optional<ApprovalDraft> draft = draftOf(state, reason);
        if (draft.isEmpty()) {
            advance(state, replies, null); // nothing renders or changes any more: show where it stands
            return;
        }
        approvalFlow.submit(state, draft.get(), replies);
    }

    private Optional<ApprovalDraft> draftOf(ConversationState state, String reason) {
        Optional<Playbook> playbook = playbookOf(state);
        Optional<InventoryApp> app = appOf(state);
        if (playbook.isEmpty() || app.isEmpty()) return Optional.empty();
        Optional<Rendering> rendering = renderer.render(playbook.get(), NewAppStages.answersOf(playbook.get(), state)).value();
        if (rendering.isEmpty()) return Optional.empty();
        List<Fact> changes = changes(SettingsJson.read(app.get().settingsJson()), rendering.get().spec());
        if (changes.isEmpty()) return Optional.empty();
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("API name", app.get().apiName());
        shown.put("Label", app.get().label());
        for (Fact f : changes) {
            String label = "Change" + ApprovalCards.SECTION_SEPARATOR
                    + (f.section().isEmpty() ? "" : f.section() + ": ") + f.label();
            String unique = label;
            for (int n = 2; shown.containsKey(unique); n++) unique = label + " (" + n + ")";
            shown.put(unique, f.value());
        }
        shown.put("Effect", "the app is redeployed with these settings; everything else, the consumer key and secret stay");
        return Optional.of(new ApprovalDraft(ApprovalPurpose.UPDATE, state.org(), playbook.get().id(), app.get().apiName(),
                state.user().ref(), reason, shown));
    }

    /**
     * Request {@code request} (an update) was approved: close its cards and redeploy, unless what would change now
     * differs from what the approvers saw (then it is submitted again).
     */
    public void carryOutApproved(ApprovalRequest request, ChatUser approver) {
        approvalFlow.approved(request, approver);
        Optional<ConversationState> waiting = approvalFlow.waitingFor(request.id());
        if (waiting.isEmpty()) {
            new Replies(port, ChatAddress.directTo(ChatUser.of(request.requester().platform(), request.requester().id())))
                    .warn("Request " + request.id() + " was approved by " + ApprovalFlow.approvers(request, approver)
                            + ", but its conversation had ended; nothing was changed. Say \"update " + request.apiName()
                            + " " + request.org() + "\" to start again.");
            return;
        }
        ConversationState state = waiting.get();
        Replies replies = approvalFlow.repliesTo(state);
        Optional<ApprovalDraft> now = draftOf(state, request.draft().reason());
        if (now.isEmpty()) {
            store.delete(state.key());
            replies.warn("Request " + request.id() + " was approved, but " + target(state) + " no longer changes (or"
                    + " its playbook is gone), so I deployed nothing.");
            return;
        }
        if (!request.covers(now.get())) {
            replies.warn("Request " + request.id() + " was approved, but what would change differs from what the"
                    + " approvers saw, so it needs approving again. Nothing was changed.");
            approvalFlow.submit(state, now.get(), replies);
            return;
        }
        // Kept with the conversation's answers (as the inventory writes approvers) until the update runs.
        deploy(state.withAnswer(APPROVED_BY, ChatUserRef.written(request.approvedBy())), replies, "Request " + request.id()
                + " was approved by " + ApprovalFlow.approvers(request, approver) + ". Updating " + target(state)
                + " now; I will post here when it is done.");
    }

    // --- deploy -----------------------------------------------------------------------------------------------

    /** Claims the update, moves it to PROVISIONING and redeploys in the background; a second claim does nothing. */
    private void deploy(ConversationState state, Replies replies, String saying) {
        if (!leases.claim(runId(state))) {
            replies.say(target(state) + " is being updated already; I will post here when it is done.");
            return;
        }
        ConversationState deploying = store.save(state.withStage(Stage.PROVISIONING, null));
        replies.say(saying);
        startInBackground(deploying);
    }

    private void startInBackground(ConversationState state) {
        // Once the turn that claimed it and moved it to PROVISIONING is committed (as the runner does for new apps).
        dev.ecabot.store.UnitOfWork.afterCommit(() -> {
            try {
                settings.background().execute(() -> run(state));
            } catch (RuntimeException e) {
                leases.release(runId(state));
                throw e;
            }
        });
    }

    /** Picks up an update a restart cut short (the same saga run continues); false when another instance runs it. */
    boolean resume(ConversationState state, Replies replies) {
        if (!leases.claim(runId(state))) return false;
        replies.say("I was restarted while updating " + target(state) + "; picking up where it stopped.");
        startInBackground(state);
        return true;
    }

    private void retry(ConversationState state, String raw, Replies replies) {
        if (!raw.strip().equalsIgnoreCase("retry")) {
            replies.say("Updating " + target(state) + " stopped with an error. Say \"retry\" to continue where it"
                    + " stopped, or \"cancel\".");
            return;
        }
        deploy(state, replies, "Retrying: picking up where it stopped.");
    }

    private void run(ConversationState state) {
        ChatAddress to = new ChatAddress(state.user(), state.place());
        String apiName = target(state);
        try {
            Optional<Playbook> playbook = playbookOf(state);
            Optional<InventoryApp> before = appOf(state);
            Optional<Rendering> rendering = playbook.flatMap(p -> renderer.render(p, NewAppStages.answersOf(p, state)).value());
            if (playbook.isEmpty() || before.isEmpty() || rendering.isEmpty()) {
                dev.ecabot.store.UnitOfWork.run(() -> {
                    store.delete(state.key());
                    port.post(to, TextMessage.error("I cannot update " + apiName + ": it or its playbook is no longer"
                            + " available (or the answers no longer fit it). Nothing was changed."));
                });
                return;
            }
            List<Fact> changes = changes(SettingsJson.read(before.get().settingsJson()), rendering.get().spec());
            ProvisioningRequest order = new ProvisioningRequest(runId(state), state.org(), rendering.get().spec(),
                    playbook.get().id(), playbook.get().vendor(), state.user().ref(),
                    ChatUserRef.parseAll(state.answers().get(APPROVED_BY)), false, true);
            port.post(to, TextMessage.info("Redeploying " + apiName + " to " + state.org() + "..."));
            provisioner.update(order, ProvisioningListener.NONE);
            dev.ecabot.store.UnitOfWork.run(() -> {
                kept.save(state.org(), apiName, playbook.get().id(), questionAnswers(state), settings.clock().instant());
                store.delete(state.key());
                port.post(to, done(apiName, state.org(), playbook.get(), changes,
                        rendering.get().delivery().includesSecret()));
            });
        } catch (ProvisioningException e) {
            dev.ecabot.store.UnitOfWork.run(() -> failed(state, apiName, e.getMessage(), e.resumable()));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Updating {} in {} for {} failed (reference {})", apiName, state.org(), state.user().key(), reference, e);
            dev.ecabot.store.UnitOfWork.run(() -> failed(state, apiName, "an unexpected error on my side (reference "
                    + reference + ").", true));
        } finally {
            leases.release(runId(state));
        }
    }

    private Summary done(String apiName, String org, Playbook playbook, List<Fact> changes, boolean secretUsed) {
        List<String> notes = new ArrayList<>();
        if (secretUsed) {
            notes.add("If the integration does not have the consumer secret yet, an admin can issue a new pair with"
                    + " \"rotate " + apiName + " " + org + "\" (an update hands out no credentials).");
        }
        notes.add("Settings the bot does not manage were kept as they are in the org; the consumer key and secret are"
                + " unchanged.");
        notes.add(activationNote(playbook, changes));
        if (changes.isEmpty()) { // resumed after a restart that came once the redeploy was recorded
            notes.add(0, "The redeploy had finished before I was restarted; \"show " + apiName + "\" lists its settings.");
        }
        return new Summary("Updated " + apiName + " in " + org + (changes.isEmpty() ? "." : ": " + changes.size()
                + " setting" + (changes.size() == 1 ? "" : "s") + " changed."), changes, List.of(), notes);
    }

    /** Whether clients must wait again: OAuth settings take Salesforce a while; name and contact changes do not. */
    private static String activationNote(Playbook playbook, List<Fact> changes) {
        if (SettingChanges.onlyIdentity(changes) || playbook.activationDelay().isZero()) {
            return "No activation delay: the change applies as soon as it is deployed.";
        }
        return "Activation delay again: Salesforce may take up to " + HumanTime.duration(playbook.activationDelay())
                + " to apply changed OAuth settings, so wait that long before testing the integration.";
    }

    private void failed(ConversationState state, String apiName, String reason, boolean resumable) {
        ChatAddress to = new ChatAddress(state.user(), state.place());
        if (resumable) {
            store.find(state.key()).ifPresent(current -> store.save(current.withStage(Stage.FAILED, null)));
            port.post(to, TextMessage.error("I could not finish updating " + apiName + ": " + reason + " Say \"retry\" to"
                    + " continue where it stopped, or \"cancel\" (then \"sync " + state.org() + "\" shows what the org has)."));
        } else {
            store.delete(state.key());
            port.post(to, TextMessage.error("I could not update " + apiName + " in " + state.org() + ": " + reason
                    + " The app and its inventory record are as they were. Fix what the message names, then say \"update "
                    + apiName + " " + state.org() + "\" to try again."));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /**
     * Today's answer per question: those kept when the app was last made or updated in chat with this playbook, else
     * read from its settings in the inventory (an imported app, one made on the command line).
     */
    private Map<String, String> todaysAnswers(ConversationState state, Playbook playbook) {
        Optional<AppAnswers.Saved> saved = kept.find(state.org(), target(state))
                .filter(s -> s.playbookId().equals(playbook.id()));
        if (saved.isPresent()) return saved.get().answers();
        return appOf(state).map(app -> new AnswersFromSettings().of(playbook, SettingsJson.read(app.settingsJson()), app.org()))
                .orElse(Map.of());
    }

    /** The answers to the playbook's questions, without the update's own entries. */
    static Map<String, String> questionAnswers(ConversationState state) {
        Map<String, String> out = new LinkedHashMap<>(state.answers());
        out.keySet().removeIf(k -> k.startsWith("@"));
        return out;
    }

    private Optional<Rendering> rendered(ConversationState state, Playbook playbook, Replies replies) {
        var outcome = renderer.render(playbook, NewAppStages.answersOf(playbook, state));
        if (outcome.isOk()) return outcome.value();
        String reasons = outcome.problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
        ConversationState fixed = state;
        for (Problem p : outcome.problems()) {
            if (state.answers().containsKey(p.field())) fixed = fixed.withoutAnswer(p.field());
        }
        if (fixed.answers().size() == state.answers().size()) {
            store.delete(state.key());
            replies.error("The playbook cannot make settings from these answers (" + reasons + "). Nothing was changed;"
                    + " please tell the bot's admins.");
        } else {
            advance(fixed, replies, reasons);
        }
        return Optional.empty();
    }

    /** The changes in Setup's words; settings no summary shows are named by their metadata path, never hidden. */
    private static List<Fact> changes(EcaSpec before, EcaSpec after) {
        List<SettingDifference> differences = EcaSpecDiff.between(before, after);
        if (differences.isEmpty()) return List.of();
        List<Fact> inWords = SettingChanges.between(before, after);
        if (!inWords.isEmpty()) return inWords;
        return differences.stream().map(d -> new Fact("Other", d.setting(), d.inOrg() + " -> " + d.requested())).toList();
    }

    private int approvalsNeeded(ConversationState state) {
        return approvalFlow.need(state.org(), state.playbookId(), ApprovalPurpose.UPDATE).approvals();
    }

    private Optional<String> rawAnswer(ConversationState state, ChatEvent event, Replies replies) {
        if (event instanceof ChatEvent.Text text) return Optional.of(text.text());
        // By the one codec and the stage, as for a new app: a question's button is "q:<id>", the confirmation's "confirm".
        if (!event.prompt().equals(NewAppDialogue.expectedPrompt(state))) {
            replies.warn("That answers an earlier question. Here is the one I am waiting for:");
            repeatPrompt(state, replies);
            return Optional.empty();
        }
        if (event instanceof ChatEvent.Choice c) return Optional.of(c.value());
        String value = ((ChatEvent.FormSubmission) event).values().get(state.pending());
        return Optional.of(value == null ? "" : value);
    }

    private Optional<Playbook> playbookOf(ConversationState state) {
        return state.playbookId() == null ? Optional.empty() : catalog.find(state.playbookId());
    }

    private Optional<InventoryApp> appOf(ConversationState state) {
        return inventory.find(state.org(), target(state)).filter(a -> a.status() != AppStatus.DELETED);
    }

    private static String runId(ConversationState state) {
        return state.answers().getOrDefault(RUN, state.requestId());
    }

    private static String target(ConversationState state) {
        return state.answers().get(TARGET);
    }
}
