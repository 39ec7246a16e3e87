package dev.ecabot.conversation.engine;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatTurns;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.conversation.InboundDelivery;
import dev.ecabot.conversation.PromptRef;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.TurnAnswer;

import dev.ecabot.duration.HumanTime;
import dev.ecabot.access.AccessDecision;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Action;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.CommandRegistry;
import dev.ecabot.conversation.approvals.DenyReasons;
import dev.ecabot.conversation.approvals.ApprovalFlow;
import dev.ecabot.conversation.dialogue.NewAppDialogue;
import dev.ecabot.conversation.dialogue.OfferExpiry;
import dev.ecabot.conversation.state.ConcurrentChangeException;
import dev.ecabot.conversation.state.ConversationKey;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.conversation.state.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The bot's one entry point: every adapter turns what a person did into a {@link ChatEvent} and calls
 * {@link #handle(ChatEvent)}; replies go out through the {@link ChatPort}. It routes commands (the same words
 * on every platform), answers to the conversation in progress, and free text naming a vendor or an org.
 * Thread-safe: messages of one conversation are handled one at a time (per instance, and across instances by
 * the store's optimistic versions); different people's run in parallel. Slow work (provisioning) runs on
 * the settings' background executor, so {@code handle} returns quickly.
 */
public final class ConversationEngine implements ChatTurns {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationEngine.class);
    /** While a question waits for an answer, only these words are commands; anything else is the answer. */
    private static final Set<String> CONTROL_WORDS = Set.of("cancel", "help", "status");

    private final ChatPort port;
    private final ConversationStore store;
    private final CommandRegistry commands;
    private final NewAppDialogue dialogue;
    private final ApprovalFlow approvalFlow;
    private final EngineSettings settings;
    private final AccessPolicy access;
    private final OfferExpiry offerExpiry;
    private volatile dev.ecabot.audit.AuditTrail refusals;
    private volatile dev.ecabot.conversation.home.HomeViews homes;
    private final ConversationLocks conversations = new ConversationLocks();

    public ConversationEngine(ChatPort port, ConversationStore store, CommandRegistry commands,
                              NewAppDialogue dialogue, AccessPolicy access, ApprovalFlow approvalFlow,
                              OfferExpiry offerExpiry, EngineSettings settings) {
        this.offerExpiry = Objects.requireNonNull(offerExpiry, "offerExpiry");
        this.port = Objects.requireNonNull(port, "port");
        this.store = Objects.requireNonNull(store, "store");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.dialogue = Objects.requireNonNull(dialogue, "dialogue");
        this.approvalFlow = Objects.requireNonNull(approvalFlow, "approvalFlow");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.access = Objects.requireNonNull(access, "access");
    }

    /** Starts assembling an engine: port, database, playbooks, orgs, provisioner and secret offers. */
    public static EngineBuilder builder() {
        return new EngineBuilder();
    }

    /** Shows each person's overview (their apps, approvals, offers, reminders) from {@code views}. */
    public void showingHomesFrom(dev.ecabot.conversation.home.HomeViews views) {
        this.homes = views;
    }

    @Override
    public Optional<dev.ecabot.conversation.message.HomeView> home(ChatUser user) {
        return home(user, 0, 0);
    }

    @Override
    public Optional<dev.ecabot.conversation.message.HomeView> home(ChatUser user, int appsFrom, int approvalsFrom) {
        dev.ecabot.conversation.home.HomeViews views = homes;
        return views == null ? Optional.empty() : Optional.of(views.of(user, appsFrom, approvalsFrom));
    }

    /** Handles one thing a person did; every reply goes through the port. Never throws for bad input. */
    public void handle(ChatEvent event) {
        TurnAnswer answer = answer(event);
        if (answer.refused()) new Replies(port, event.replyTo()).warn(answer.refusalWords());
    }

    /**
     * Handles one thing a person did and answers what the platform must show at once: a click on someone else's
     * question is refused here, before anything is sent or changed; the parts of the turn the adapter can show in
     * the turn ({@code inTurn}: a form from the click, field errors, a secret in a private window, words in it) are
     * returned; everything else goes through the port.
     */
    @Override
    public TurnAnswer answer(ChatEvent event, java.util.Set<TurnAnswer.InTurn> inTurn) {
        return answer(event, inTurn, InboundDelivery.UNTRACKED);
    }

    /**
     * As {@link #answer(ChatEvent, java.util.Set)}, for a delivery the platform may repeat: {@code delivery} is recorded
     * first thing in the turn's unit of work, so the "processed" row, the turn's state change and its outbox rows
     * commit together or not at all. A delivery recorded before is answered {@link TurnAnswer#repeatedDelivery()} and
     * changes nothing; a turn that fails leaves the delivery unrecorded (the person is told to try again).
     */
    @Override
    public TurnAnswer answer(ChatEvent event, java.util.Set<TurnAnswer.InTurn> inTurn, InboundDelivery delivery) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(delivery, "delivery");
        ConversationKey key = ConversationKey.of(event);
        TurnCapture capture = new TurnCapture(port, event, inTurn);
        Replies replies = new Replies(capture, event.replyTo());
        // Every log line of this turn carries its id (ECABOT_LOG_FORMAT=json puts it in the "mdc" object).
        org.slf4j.MDC.MDCCloseable turn = org.slf4j.MDC.putCloseable("turn", UUID.randomUUID().toString().substring(0, 12));
        Optional<TurnAnswer.Answered> answered = Optional.empty();
        ConversationLocks.Turn lock = conversations.lock(key.asString());
        try {
            // The delivery's "processed" row, the turn's state changes and the outbox rows of its replies commit
            // together (UnitOfWork): a failure or a crash before the commit leaves none of them, after it all; the
            // warnings below are written after the rollback.
            TurnAnswer early = dev.ecabot.store.UnitOfWork.run(() -> {
                if (!delivery.recordOnce()) return TurnAnswer.repeatedDelivery();
                Optional<String> notYours = clickOnSomeoneElsesQuestion(event, key);
                if (notYours.isPresent()) return TurnAnswer.refusedClick(notYours.get());
                Optional<String> notTheirsToDecide = approvalClickNotAllowed(event);
                if (notTheirsToDecide.isPresent()) return TurnAnswer.refusedClick(notTheirsToDecide.get());
                dispatch(event, key, replies);
                return null;
            });
            if (early != null) {
                if (early.repeated()) LOG.info("A {} from {} was delivered again; it was processed before",
                        event.getClass().getSimpleName(), event.user().key());
                return early;
            }
            answered = AnsweredCards.of(event); // a failed turn leaves the card's buttons, to press again
        } catch (ConcurrentChangeException e) {
            replies.warn("Another message changed this conversation at the same moment. Please send that again.");
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Handling a {} from {} failed (reference {})", event.getClass().getSimpleName(),
                    event.user().key(), reference, e);
            java.util.Optional<String> storage = dev.ecabot.store.StorageTrouble.describe(e);
            if (storage.isPresent()) {
                LOG.error("The disk of the bot's database is full: free some space; the bot reopens the database by itself");
                replies.error(storage.get() + " (reference " + reference + ")");
            } else {
                replies.error("Something went wrong on my side (reference " + reference + "). Nothing was lost: "
                        + "try again, or say \"cancel\" to start over.");
            }
        } finally {
            lock.close();
            turn.close();
        }
        return capture.answer().withAnswered(answered);
    }

    /**
     * A button or form answering a question, pressed by someone with no conversation of their own here while someone
     * else's waits in this place (a channel): whose it is, decided before any card is touched.
     */
    private Optional<String> clickOnSomeoneElsesQuestion(ChatEvent event, ConversationKey key) {
        if (!isAnswer(event) || event instanceof ChatEvent.Text) return Optional.empty();
        if (store.find(key).isPresent()) return Optional.empty();
        return store.waitingIn(event.user().platform(), event.place().channelId(), event.place().threadKey()).stream()
                .filter(other -> !other.user().id().equals(event.user().id()))
                .findFirst()
                .map(other -> "That question belongs to " + other.user().displayName() + "'s request: only they can "
                        + "answer it, and nothing was changed. Say \"new\" to start a request of your own.");
    }

    /**
     * Approve or Deny pressed on an approval card by someone who may never decide it (no approve/deny role, their own
     * request, not an approver for its org): decided before any card is touched or any form opened, for the clicker
     * only. Whether the request is still open, expired or changed is the command's to say, as before.
     */
    private Optional<String> approvalClickNotAllowed(ChatEvent event) {
        if (!(event instanceof ChatEvent.Choice choice) || choice.prompt().orElseThrow() != PromptRef.Fixed.APPROVAL) {
            return Optional.empty();
        }
        String[] parts = choice.value().strip().split("\\s+"); // "approve <id> <fingerprint>" or "deny <id>"
        Optional<Action> action = commands.find(parts[0]).flatMap(c -> Action.fromCommand(c.name()));
        if (action.isEmpty()) return Optional.empty();
        AccessDecision decision = access.check(event.user().ref(), action.get());
        if (!decision.allowed()) {
            auditRefusal(action.get(), event);
            return Optional.of(decision.message());
        }
        return parts.length > 1 ? approvalFlow.whyMayNotDecide(parts[1], event.user().ref()) : Optional.empty();
    }

    /**
     * Ends conversations left unanswered for longer than the idle timeout, telling each person so.
     * Call it periodically (the app does, every minute); {@link #handle} also checks on each message.
     * Returns how many expired.
     */
    public int expireIdleConversations() {
        Instant cutoff = settings.clock().instant().minus(settings.idleTimeout());
        int expired = 0;
        for (ConversationState state : store.idleSince(cutoff)) {
            // the conversation ends and its notice is queued in one transaction
            boolean ended = dev.ecabot.store.UnitOfWork.run(() -> {
                if (!store.deleteIfUnchanged(state)) return false;
                new Replies(port, new ChatAddress(state.user(), state.place())).warn(expiryText(state));
                return true;
            });
            if (ended) expired++;
        }
        return expired;
    }

    /**
     * Resumes provisioning that a stop or crash cut short, telling each requester. Safe to call on every instance
     * at any time (the app does at start, after its chat platforms are registered, and every 30 seconds): a request
     * is taken over only when no live instance holds it, and never on an instance that does not serve its
     * requester's platform. A request that cannot be resumed is told so and never stops the others.
     * Returns how many this call took over.
     */
    public int resumeInterruptedProvisioning() {
        int resumed = 0;
        for (ConversationState state : store.inStage(Stage.PROVISIONING)) {
            if (!port.serves(state.user().platform())) continue;
            try {
                if (dev.ecabot.store.UnitOfWork.run(() -> dialogue.resumeProvisioning(state,
                        new Replies(port, new ChatAddress(state.user(), state.place()))))) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                LOG.error("Could not resume the provisioning of {} for {}; will try again", dialogue.subject(state),
                        state.user().key(), e);
            }
        }
        return resumed;
    }

    /**
     * Expires approval requests nobody decided in time, telling each requester and closing the approvers' cards.
     * Call it periodically (the app does, every minute, on one node); a requester's own message also triggers it.
     * Returns how many expired.
     */
    public int expireApprovals() {
        return dev.ecabot.store.UnitOfWork.run(approvalFlow::expireDue); // expiries and their notices: both or neither
    }

    /**
     * Destroys reveal offers left unrevealed past their window, telling each requester. Call it periodically (the
     * app does, every minute, on one node). Returns how many were destroyed.
     */
    public int expireRevealOffers() {
        return dev.ecabot.store.UnitOfWork.run(offerExpiry::expireDue); // destroyed offers and their notices together
    }

    private void dispatch(ChatEvent event, ConversationKey key, Replies replies) {
        Optional<ConversationState> stored = store.find(key);
        if (stored.isPresent() && approvalFlow.expireIfDue(stored.get())) {
            stored = store.find(key); // its approval request just expired: the requester was told, the conversation ended
        }
        Optional<ConversationState> state = stored.flatMap(s -> expireIfIdle(s, replies));
        if (stored.isPresent() && state.isEmpty() && isAnswer(event)) {
            return; // the answer belonged to the conversation that just expired: nothing more to do with it
        }
        PromptRef prompt = event.prompt().orElse(null);
        if (event instanceof ChatEvent.Command c) {
            runCommand(c.name(), c.arguments(), event, replies);
        } else if (event instanceof ChatEvent.Choice choice && prompt == PromptRef.Fixed.REVEAL) {
            runCommand("reveal", choice.value(), event, replies);
        } else if (event instanceof ChatEvent.Choice choice && prompt == PromptRef.Fixed.APPROVAL) {
            String[] parts = choice.value().split("\\s+", 2); // "approve <id> <fingerprint>" or "deny <id>"
            runCommand(parts[0], parts.length > 1 ? parts[1] : "", event, replies);
        } else if (event instanceof ChatEvent.FormSubmission form && prompt instanceof PromptRef.DenyReason denied) {
            runCommand("deny", DenyReasons.commandArguments(denied, form), event, replies);
        } else if (event instanceof ChatEvent.Choice choice && prompt instanceof PromptRef.Command call) {
            runCommand(call.name(), call.argumentsWith(choice.value()), event, replies);
        } else if (event instanceof ChatEvent.Text text) {
            onText(text, state, replies);
        } else if (state.isPresent() && state.get().stage() != Stage.PROVISIONING) {
            dialogue.answer(state.get(), event, replies);
        } else if (state.isPresent()) {
            // A second (or concurrent) click on "Create it": the first one is already creating the app.
            replies.say("I am already creating the app " + dialogue.subject(state.get()) + " from your first click; "
                    + "this one changed nothing. I will tell you here when it is ready.");
        } else {
            replies.warn("That question belongs to a conversation that is over (finished, cancelled or expired). "
                    + "Say \"new\" to start again.");
        }
    }

    /** True for what only makes sense inside a conversation: a button, a form, a typed non-command. */
    private boolean isAnswer(ChatEvent event) {
        if (event instanceof ChatEvent.Command) return false;
        if (event.prompt().filter(p -> p == PromptRef.Fixed.REVEAL || p == PromptRef.Fixed.APPROVAL
                || p instanceof PromptRef.DenyReason).isPresent()) return false;
        if (!(event instanceof ChatEvent.Text text)) return true;
        String word = text.text().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return commands.find(word.startsWith("/") ? word.substring(1) : word).isEmpty();
    }

    private void onText(ChatEvent.Text event, Optional<ConversationState> state, Replies replies) {
        String text = event.text();
        String[] parts = text.split("\\s+", 2);
        String word = parts[0].toLowerCase(Locale.ROOT);
        if (word.startsWith("/")) word = word.substring(1);
        String rest = parts.length > 1 ? parts[1] : "";
        boolean waitingForAnswer = state.isPresent() && state.get().stage().waitsForThePerson();
        boolean control = CONTROL_WORDS.contains(word) && rest.isEmpty() || parts[0].startsWith("/");
        if (waitingForAnswer && !control) {
            dialogue.answer(state.get(), event, replies);
        } else if (commands.find(word).isPresent()) {
            runCommand(word, rest, event, replies);
        } else if (text.isEmpty()) {
            replies.say("Say \"help\" to see what I can do.");
        } else if (!dialogue.startFromFreeText(event, replies, () -> allowed(Action.NEW, event, replies))) {
            replies.say("I did not understand \"" + abbreviate(text) + "\". Say \"help\" to see what I can do, "
                    + "or name a vendor, e.g. \"I need a Vonage app in demo\".");
        }
    }

    private void runCommand(String name, String arguments, ChatEvent event, Replies replies) {
        Optional<ChatCommand> command = commands.find(name);
        if (command.isEmpty()) {
            replies.warn("I do not know the command \"" + abbreviate(name) + "\". Say \"help\" for the list.");
            return;
        }
        // Every command passes the one access filter; a command missing from the Action table is refused.
        Optional<Action> action = Action.fromCommand(command.get().name());
        if (action.isEmpty()) {
            replies.warn("The command \"" + name + "\" has no access rule, so nobody may run it yet.");
            return;
        }
        if (allowed(action.get(), event, replies)) command.get().run(new CommandCall(event, arguments, replies));
    }

    private boolean allowed(Action action, ChatEvent event, Replies replies) {
        AccessDecision decision = access.check(event.user().ref(), action);
        if (!decision.allowed()) {
            replies.warn(decision.message());
            auditRefusal(action, event);
        }
        return decision.allowed();
    }

    /** A refused command leaves an event (who, what), so probing the bot's roles shows in the audit trail. */
    private void auditRefusal(Action action, ChatEvent event) {
        if (refusals == null) return;
        try {
            refusals.record(dev.ecabot.audit.AuditEvent.of(settings.clock().instant(), dev.ecabot.audit.AuditKind.REFUSAL,
                    event.user().ref(), null, null, "refused: " + action.name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' ') + " (no role allows it)"));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ConversationEngine.class)
                    .warn("Could not record a refused command in the audit trail: {}", e.getMessage());
        }
    }

    /** Where refused commands are recorded (set once by the builder). */
    void auditRefusalsTo(dev.ecabot.audit.AuditTrail trail) {
        this.refusals = trail;
    }

    private Optional<ConversationState> expireIfIdle(ConversationState state, Replies replies) {
        Instant now = settings.clock().instant();
        boolean idle = state.stage().waitsForThePerson()
                && !state.updatedAt().plus(settings.idleTimeout()).isAfter(now);
        if (!idle) return Optional.of(state);
        if (store.deleteIfUnchanged(state)) replies.warn(expiryText(state));
        return Optional.empty();
    }

    private String expiryText(ConversationState state) {
        return "Your conversation " + dialogue.subject(state) + " expired after "
                + HumanTime.duration(settings.idleTimeout()) + " without an answer; nothing was created. "
                + "Say \"new\" to start again.";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
