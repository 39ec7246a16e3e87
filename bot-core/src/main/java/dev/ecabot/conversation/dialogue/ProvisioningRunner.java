package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.conversation.HumanTime;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.vault.ConsumerCredentials;
import dev.ecabot.vault.RevealOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates a confirmed app off the chat thread: posts a progress message and edits it as provisioning advances,
 * then posts the result (consumer key, activation time, next steps) and a reveal offer for the secret, which
 * is sealed in the vault's {@link RevealOffers} the moment it is read. Ends the conversation either way. Thread-safe.
 */
public final class ProvisioningRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningRunner.class);

    private final ChatPort port;
    private final ConversationStore store;
    private final AppProvisioner provisioner;
    private final RevealOffers offers;
    private final FollowUpReminders followUps;
    private final EngineSettings settings;

    public ProvisioningRunner(ChatPort port, ConversationStore store, AppProvisioner provisioner,
                              RevealOffers offers, FollowUpReminders followUps, EngineSettings settings) {
        this.port = port;
        this.store = store;
        this.provisioner = provisioner;
        this.offers = offers;
        this.followUps = followUps;
        this.settings = settings;
    }

    /** Starts creating the app of {@code state} (already saved in stage PROVISIONING) in the background. */
    void start(ConversationState state, Playbook playbook, Rendering rendering, ProvisioningOrder order) {
        settings.background().execute(() -> run(state, playbook, rendering, order));
    }

    private void run(ConversationState state, Playbook playbook, Rendering rendering, ProvisioningOrder order) {
        ChatAddress to = new ChatAddress(state.user(), state.place());
        Progress progress = new Progress("Creating " + rendering.spec().app().label() + " in " + state.org());
        MessageRef ref = port.post(to, progress.update());
        try {
            ProvisionedApp app = provisioner.provision(order, step -> port.edit(ref, progress.reached(step)),
                    (apiName, key, secret) -> offers.create(UserRefs.of(state.user()), state.org(), apiName,
                            new ConsumerCredentials(key, secret)));
            port.edit(ref, progress.finished());
            Instant now = settings.clock().instant();
            port.post(to, AppSummaries.created(playbook, state.org(), rendering, app, now, settings.displayZone()));
            if (app.offer().isPresent()) {
                port.post(to, new RevealOffer(app.offer().get().offerId(),
                        "Consumer key and secret of " + app.apiName(), app.offer().get().expiresAt()));
            } else if (order.deliverSecret()) {
                port.post(to, TextMessage.warning("The consumer secret was handed over by an earlier attempt of this "
                        + "request; if you never saw it, ask for new credentials (rotate " + app.apiName() + ")."));
            }
            List<Reminder> scheduled = followUps.afterProvisioning(state.user(), state.org(), app.apiName(), rendering,
                    app.offer().orElse(null), now);
            if (!scheduled.isEmpty()) port.post(to, TextMessage.info(remindersNote(scheduled, now)));
        } catch (ProvisioningFailedException e) {
            port.edit(ref, progress.failed(e.getMessage()));
            port.post(to, TextMessage.error("I could not create " + rendering.spec().app().label() + ": "
                    + e.getMessage() + " Say \"new\" to try again."));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Provisioning {} for {} failed (reference {})", rendering.spec().apiName(),
                    state.user().key(), reference, e);
            port.edit(ref, progress.failed("unexpected error, reference " + reference));
            port.post(to, TextMessage.error("Something went wrong on my side while creating "
                    + rendering.spec().app().label() + " (reference " + reference + "). Say \"new\" to try again."));
        } finally {
            store.delete(state.key());
        }
    }

    private String remindersNote(List<Reminder> scheduled, Instant now) {
        StringBuilder text = new StringBuilder("I will remind you:");
        for (Reminder r : scheduled) {
            text.append("\n- ").append(switch (r.kind()) {
                case APP_USABLE -> "when it is usable";
                case REFRESH_TOKEN_EXPIRING -> "before its refresh tokens expire";
                case REVEAL_EXPIRING -> "if the secret is still unrevealed before the offer expires";
                default -> r.kind().name().toLowerCase().replace('_', ' ');
            }).append(", ").append(HumanTime.fromNow(r.dueAt(), now, settings.displayZone()));
        }
        return text.append("\nSay \"reminders\" to see them.").toString();
    }

    /** The same for every attempt of one conversation, so a resumed order finds the app a crash left behind. */
    static String requestId(ConversationState state) {
        String natural = state.key().asString() + "@" + state.startedAt().toEpochMilli();
        return UUID.nameUUIDFromBytes(natural.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The progress message's steps as they advance. Used by one provisioning thread only. */
    private static final class Progress {
        private final String title;
        private final List<ProgressUpdate.Step> steps = new ArrayList<>();

        Progress(String title) {
            this.title = title;
            for (ProvisioningStep s : ProvisioningStep.values()) {
                steps.add(new ProgressUpdate.Step(s.label(), ProgressUpdate.State.PENDING, null));
            }
        }

        ProgressUpdate reached(ProvisioningStep step) {
            for (int i = 0; i < steps.size(); i++) {
                ProgressUpdate.State state = i < step.ordinal() ? ProgressUpdate.State.DONE
                        : i > step.ordinal() ? ProgressUpdate.State.PENDING
                        : step.milestone() ? ProgressUpdate.State.DONE : ProgressUpdate.State.RUNNING;
                steps.set(i, new ProgressUpdate.Step(steps.get(i).label(), state, null));
            }
            return update();
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
