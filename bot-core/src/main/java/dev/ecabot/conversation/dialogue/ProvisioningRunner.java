package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.duration.HumanTime;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.conversation.state.Stage;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.provisioning.AppProvisioner;
import dev.ecabot.provisioning.AppReminders;
import dev.ecabot.provisioning.ProvisioningEvent;
import dev.ecabot.provisioning.ProvisioningException;
import dev.ecabot.provisioning.ProvisioningLeases;
import dev.ecabot.provisioning.ProvisioningRequest;
import dev.ecabot.provisioning.ProvisioningResult;
import dev.ecabot.provisioning.VaultSeal;
import dev.ecabot.vault.RevealOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates a confirmed app off the chat thread: posts a progress message and edits it as provisioning advances,
 * then posts the result (consumer key, activation time, next steps), a reveal offer for the secret and the
 * reminders it left. The provisioning saga seals the secret in the vault's {@link RevealOffers} the moment it is
 * read and schedules the reminders as its last step, both recorded steps (one offer and one set of reminders per
 * request, however often the request is resumed); this posts what they left. A request runs on one instance at a
 * time: it is claimed in {@link ProvisioningLeases} before it runs and released when it ends. Ends the conversation when the app is made or nothing was changed;
 * a failure after the org was changed keeps it, waiting for "retry". Thread-safe.
 */
public final class ProvisioningRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningRunner.class);

    private final ChatPort port;
    private final ConversationStore store;
    private final AppProvisioner provisioner;
    private final RevealOffers offers;
    private final FollowUpReminders followUps;
    private final EngineSettings settings;
    private final ProvisioningLeases leases;
    private volatile dev.ecabot.inventory.Checklist checklist;
    private volatile dev.ecabot.inventory.AppAnswers answers;

    public ProvisioningRunner(ChatPort port, ConversationStore store, AppProvisioner provisioner,
                              RevealOffers offers, FollowUpReminders followUps, EngineSettings settings,
                              ProvisioningLeases leases) {
        this.port = port;
        this.store = store;
        this.provisioner = provisioner;
        this.offers = offers;
        this.followUps = followUps;
        this.settings = settings;
        this.leases = leases;
    }

    /**
     * Claims the request of {@code state} for this instance; false when an instance (this one or another) runs it
     * now. Claim before moving the conversation to PROVISIONING, so recovery never mistakes it for abandoned work.
     */
    boolean claim(ConversationState state) {
        return leases.claim(state.requestId());
    }

    /** Gives up this instance's claim on the request of {@code state} without running it. */
    void release(ConversationState state) {
        leases.release(state.requestId());
    }

    /** Creates the app of {@code state} (claimed, and saved in stage PROVISIONING) in the background. */
    void start(ConversationState state, Playbook playbook, Rendering rendering, ProvisioningRequest order) {
        // Only once the turn that moved the request to PROVISIONING (and claimed it) is committed: the background
        // thread must see both. If the turn rolls back, the claim and the stage roll back with it and nothing starts.
        dev.ecabot.store.UnitOfWork.afterCommit(() -> {
            try {
                settings.background().execute(() -> run(state, playbook, rendering, order));
            } catch (RuntimeException e) { // the executor is shutting down: leave the request to recovery
                leases.release(state.requestId());
                throw e;
            }
        });
    }

    private void run(ConversationState state, Playbook playbook, Rendering rendering, ProvisioningRequest order) {
        ChatAddress to = new ChatAddress(state.user(), state.place());
        String label = rendering.spec().app().label();
        try {
            Progress progress = new Progress("Creating " + label + " in " + state.org());
            MessageRef ref = port.post(to, progress.update());
            try {
                ProvisioningResult app = provisioner.provision(order, new VaultSeal(offers),
                        reminders(state, rendering), event -> progress.reached(event.stage()).ifPresent(p -> port.edit(ref, p)));
                port.edit(ref, progress.finished());
                // The result messages (summary, Reveal button, reminders) and the end of the conversation commit in
                // one transaction: a crash before it leaves the request PROVISIONING, resumed later, and delivers it
                // then (the sealed offer is found by request id); after it, the rows are durable and sent once.
                dev.ecabot.store.UnitOfWork.run(() -> {
                    deliver(state, playbook, rendering, order, app);
                    store.delete(state.key());
                });
            } catch (ProvisioningException e) {
                port.edit(ref, progress.failed(e.getMessage()));
                failed(state, label, e.getMessage(), e.resumable());
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("Provisioning {} for {} failed (reference {})", rendering.spec().apiName(),
                        state.user().key(), reference, e);
                port.edit(ref, progress.failed("unexpected error, reference " + reference));
                failed(state, label, "an unexpected error on my side (reference " + reference + ").", true);
            }
        } finally {
            leases.release(state.requestId());
        }
    }

    private volatile java.util.function.Function<String, java.util.Optional<String>> connection = org -> java.util.Optional.empty();

    /**
     * How a vendor connects to an org (its token endpoint, its sign-in host), told with each new app. Returns this
     * runner.
     */
    public ProvisioningRunner tellingConnectionDetails(java.util.function.Function<String, java.util.Optional<String>> connection) {
        this.connection = connection;
        return this;
    }

    /** Stores each new app's manual steps in {@code checklist}, for show and done. Returns this runner. */
    public ProvisioningRunner keepingChecklistIn(dev.ecabot.inventory.Checklist checklist) {
        this.checklist = checklist;
        return this;
    }

    /** Keeps each new app's answers in {@code answers}: {@code update} offers them as today's. Returns this runner. */
    public ProvisioningRunner keepingAnswersIn(dev.ecabot.inventory.AppAnswers answers) {
        this.answers = answers;
        return this;
    }

    /** The app exists: its summary, the secret's reveal offer (however many attempts it took), the reminders. */
    private void deliver(ConversationState state, Playbook playbook, Rendering rendering, ProvisioningRequest order,
                         ProvisioningResult result) {
        dev.ecabot.inventory.InventoryApp app = result.app();
        ChatAddress to = new ChatAddress(state.user(), state.place());
        Instant now = settings.clock().instant();
        Instant createdAt = app.createdAt() != null ? app.createdAt() : now;
        port.post(to, AppSummaries.created(playbook, state.org(), rendering, result, now));
        try {
            connection.apply(state.org()).ifPresent(text -> port.post(to, TextMessage.info(text)));
        } catch (RuntimeException e) {
            LOG.warn("Could not work out the connection details of org {}: {}", state.org(), e.toString());
        }
        dev.ecabot.inventory.AppAnswers keep = answers;
        if (keep != null) {
            try {
                keep.save(state.org(), app.apiName(), playbook.id(), AppUpdateDialogue.questionAnswers(state), now);
            } catch (RuntimeException e) {
                LOG.warn("Could not keep the answers of {}: {}", app.apiName(), e.toString());
            }
        }
        if (rendering.spec().usesClientCredentials()) {
            port.post(to, TextMessage.info(testItStep(app.apiName(), state.org())));
        }
        dev.ecabot.inventory.Checklist steps = checklist;
        if (steps != null && !rendering.manualSteps().isEmpty()) {
            try {
                steps.record(state.org(), app.apiName(), rendering.manualSteps());
                port.post(to, TextMessage.info("The manual steps are kept as a checklist: \"show " + app.apiName()
                        + "\" lists them, \"done " + app.apiName() + " <step>\" ticks one off."));
            } catch (RuntimeException e) {
                LOG.warn("Could not store the manual steps of {}: {}", app.apiName(), e.toString());
            }
        }
        Optional<dev.ecabot.vault.RevealOffer> offer = offers.ofRequest(order.runId()); // sealed by the saga
        if (offer.isPresent() && offer.get().state() == dev.ecabot.vault.RevealOffer.State.OPEN) {
            port.post(to, new RevealOffer(offer.get().offerId(),
                    "Consumer key and secret of " + app.apiName(), offer.get().expiresAt()));
        } else if (offer.isPresent()) {
            port.post(to, TextMessage.info("The consumer secret of " + app.apiName() + " was "
                    + offer.get().state().name().toLowerCase(java.util.Locale.ROOT) + " already ("
                    + HumanTime.at(offer.get().closedAt()) + "). If nobody kept it, an admin can"
                    + " issue new credentials with \"rotate " + app.apiName() + " " + state.org() + "\"."));
        } else if (order.deliverSecret()) {
            port.post(to, TextMessage.warning("I could not find the sealed consumer secret of " + app.apiName()
                    + ". An admin can issue new credentials with \"rotate " + app.apiName() + " " + state.org() + "\"."));
        }
        // the saga scheduled them (its last step); this says which
        List<Reminder> scheduled = followUps.plannedAfterProvisioning(state.user(), state.org(), app.apiName(), rendering,
                offer.filter(o -> o.state() == dev.ecabot.vault.RevealOffer.State.OPEN).orElse(null), createdAt);
        if (!scheduled.isEmpty()) port.post(to, TextMessage.info(remindersNote(scheduled, now)));
        port.refreshHome(state.user()); // the new app, its offer and its reminders
    }

    /**
     * Tells the requester what failed. When the org may have been changed, the conversation waits for "retry" (the
     * same request continues where it stopped and never makes a second app); otherwise it ends.
     */
    private void failed(ConversationState state, String label, String reason, boolean resumable) {
        dev.ecabot.store.UnitOfWork.run(() -> tellFailure(state, label, reason, resumable)); // state and words together
    }

    private void tellFailure(ConversationState state, String label, String reason, boolean resumable) {
        ChatAddress to = new ChatAddress(state.user(), state.place());
        if (resumable) {
            store.find(state.key()).ifPresent(current -> store.save(current.withStage(Stage.FAILED, null)));
            port.post(to, TextMessage.error("I could not finish creating " + label + ": " + reason
                    + " Say \"retry\" to continue where it stopped (no second app will be made), or \"cancel\"."));
        } else {
            store.delete(state.key());
            port.post(to, TextMessage.error("I could not create " + label + ": " + reason + " Say \"new\" to try again."));
        }
    }

    /** The new app's reminders, for the saga's last step: to the requester, the open reveal offer's included. */
    private AppReminders reminders(ConversationState state, Rendering rendering) {
        return (runId, app) -> followUps.afterProvisioning(state.user(), state.org(), app.apiName(), rendering,
                offers.ofRequest(runId).filter(o -> o.state() == dev.ecabot.vault.RevealOffer.State.OPEN).orElse(null),
                app.createdAt());
    }

    /** The optional "test it" step of a client credentials app (see the {@code test} command). */
    public static String testItStep(String apiName, String org) {
        return "Optional test, once it is usable: an admin says \"test " + apiName + " " + org + "\" and I request a"
                + " client credentials token as its run-as user, as the integration will, and say whether Salesforce"
                + " issued one or why not. The token is never kept or shown.";
    }

    private String remindersNote(List<Reminder> scheduled, Instant now) {
        StringBuilder text = new StringBuilder("I will remind you:");
        for (Reminder r : scheduled) {
            text.append("\n- ").append(switch (r.kind()) {
                case APP_USABLE -> "when it is usable";
                case REFRESH_TOKEN_EXPIRING -> "before its refresh tokens expire";
                case REVEAL_EXPIRING -> "if the secret is still unrevealed before the offer expires";
                case PLAYBOOK_AFTER -> "as the playbook asks (" + abbreviateReminder(r.text()) + ")";
                case CHECKLIST_OPEN -> "about the manual steps until each is ticked off (then every week)";
                default -> r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }).append(", ").append(HumanTime.fromNow(r.dueAt(), now));
        }
        return text.append("\nSay \"reminders\" to see them.").toString();
    }

    private static String abbreviateReminder(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    /**
     * The progress message's steps as the saga's stages advance: deploying (checking the org included), deployed (a
     * milestone: done when reached) and reading the credentials; the other stages change nothing people see. Used by
     * one provisioning thread only.
     */
    private static final class Progress {
        private static final List<String> LABELS = List.of("Deploying the app", "Deployed", "Reading the credentials");
        private static final int MILESTONE = 1;
        private final String title;
        private final List<ProgressUpdate.Step> steps = new ArrayList<>();

        Progress(String title) {
            this.title = title;
            for (String label : LABELS) steps.add(new ProgressUpdate.Step(label, ProgressUpdate.State.PENDING, null));
        }

        /** The message after {@code stage}, or empty when the stage shows nothing new. */
        Optional<ProgressUpdate> reached(ProvisioningEvent.Stage stage) {
            int step = switch (stage) {
                case CHECKING_EXISTING, DEPLOYING -> 0;
                case REUSING_EXISTING, DEPLOYED -> 1;
                case READING_CREDENTIALS -> 2;
                default -> -1; // deploy progress, delivery, recording and the end show no separate step
            };
            if (step < 0) return Optional.empty();
            for (int i = 0; i < steps.size(); i++) {
                ProgressUpdate.State state = i < step ? ProgressUpdate.State.DONE
                        : i > step ? ProgressUpdate.State.PENDING
                        : step == MILESTONE ? ProgressUpdate.State.DONE : ProgressUpdate.State.RUNNING;
                steps.set(i, new ProgressUpdate.Step(steps.get(i).label(), state, null));
            }
            return Optional.of(update());
        }
        ProgressUpdate finished() {
            steps.replaceAll(s -> new ProgressUpdate.Step(s.label(), ProgressUpdate.State.DONE, null));
            return update();
        }

        ProgressUpdate failed(String reason) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).state() != ProgressUpdate.State.DONE) {
                    steps.set(i, new ProgressUpdate.Step(steps.get(i).label(), ProgressUpdate.State.FAILED, reason));
                    break;
                }
            }
            return update();
        }

        ProgressUpdate update() {
            return new ProgressUpdate(title, steps);
        }
    }
}
