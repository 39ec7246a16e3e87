package dev.ecabot.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine's {@link ChatPort} for Slack: posts with chat.postMessage (a place that is a user id means "this
 * person's DM", opened with conversations.open), edits in place with chat.update (message refs are
 * "channel/ts"), uploads files ({@link SlackFileUploads}), and shows secrets only inside the credential modal the person's click opened, then marks the
 * offer message "revealed at". Offers left unrevealed lose their button when they expire. Thread-safe.
 */
final class SlackChatPort implements ChatPort {

    /** People here fill in whole forms ({@link dev.ecabot.conversation.message.FormPrompt} as a modal). */
    @Override
    public boolean showsForms(String platform) {
        return true;
    }

    private static final Logger log = LoggerFactory.getLogger(SlackChatPort.class);

    private final SlackWebApi api;
    /** For posts and edits, which the outbox sends: a 429 fails at once with Slack's Retry-After. */
    private final SlackWebApi delivery;
    private final BlockKitRenderer renderer;
    private final SlackFileUploads files;
    private final ModalViews modals;
    private final PendingForms forms;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Map<String, String> dmChannels = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> offerExpiries = new ConcurrentHashMap<>();
    private final HomeTab homeTab;
    /** Where each person's Home tab comes from (the engine); null until the endpoint listens. */
    private volatile dev.ecabot.conversation.ChatTurns homes;

    SlackChatPort(SlackWebApi api, BlockKitRenderer renderer, ModalViews modals, PendingForms forms,
                  ScheduledExecutorService timers, Clock clock) {
        this.api = api;
        this.delivery = api.once();
        this.renderer = renderer;
        this.files = new SlackFileUploads(delivery, java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10)).build());
        this.modals = modals;
        this.forms = forms;
        this.timers = timers;
        this.clock = clock;
        this.homeTab = new HomeTab(renderer);
    }

    /** Shows each person's Home tab from {@code engine}, on opening and whenever the engine says it changed. */
    void showingHomesFrom(dev.ecabot.conversation.ChatTurns engine) {
        this.homes = engine;
    }

    @Override
    public boolean hasHomes(String platform) {
        return SlackUsers.PLATFORM.equals(platform) && homes != null;
    }

    /**
     * Publishes {@code user}'s Home tab as it is now (views.publish), first page of each list; the outbox calls this
     * when something on it changed, and retries on a 429.
     */
    @Override
    public void refreshHome(dev.ecabot.conversation.ChatUser user) {
        // a channel or a name stands for no one's tab
        if (!SlackUsers.PLATFORM.equals(user.platform()) || !user.id().matches("[UW][A-Z0-9]+")) return;
        publishHome(user, 0, 0, delivery);
    }

    /** Publishes {@code user}'s Home tab with the apps from {@code appsFrom} and the approvals from {@code approvalsFrom}. */
    void publishHome(dev.ecabot.conversation.ChatUser user, int appsFrom, int approvalsFrom) {
        publishHome(user, appsFrom, approvalsFrom, api);
    }

    private void publishHome(dev.ecabot.conversation.ChatUser user, int appsFrom, int approvalsFrom, SlackWebApi via) {
        dev.ecabot.conversation.ChatTurns engine = homes;
        if (engine == null) return;
        engine.home(user, appsFrom, approvalsFrom).ifPresent(view -> via.call("views.publish",
                c -> c.viewsPublish(v -> v.userId(user.id()).view(homeTab.render(view)))));
    }

    @Override
    public MessageRef post(ChatAddress to, ChatMessage message) {
        if (message instanceof FormPrompt form) remember(to, form);
        String channel = channelFor(to.place().channelId());
        if (message instanceof FileMessage file) {
            // a file, not a cut-down code block; there is no message to edit later
            return new MessageRef(to, "file:" + files.share(channel, to.place().threadKey(), file));
        }
        BlockKitRenderer.Rendered r = renderer.render(message);
        ChatPostMessageResponse posted = delivery.call("chat.postMessage", c -> c.chatPostMessage(m -> m
                .channel(channel).threadTs(to.place().threadKey()).text(r.text()).blocks(r.blocks())));
        if (message instanceof RevealOffer offer) scheduleExpiry(offer, posted.getChannel(), posted.getTs());
        return new MessageRef(to, posted.getChannel() + "/" + posted.getTs());
    }

    @Override
    public void edit(MessageRef ref, ChatMessage message) {
        int slash = ref.id().indexOf('/');
        if (slash < 0 || ref.id().startsWith("modal/")) {
            post(ref.address(), message);
            return;
        }
        BlockKitRenderer.Rendered r = renderer.render(message);
        String channel = ref.id().substring(0, slash);
        String ts = ref.id().substring(slash + 1);
        delivery.call("chat.update", c -> c.chatUpdate(m -> m.channel(channel).ts(ts).text(r.text()).blocks(r.blocks())));
    }

    /** A secret is shown only in the window a Reveal click opened ({@link #showRevealed}), never posted. */
    @Override
    public void reveal(ChatAddress to, SecretReveal reveal) {
        log.error("A secret for Slack user {} was released outside a Reveal click; it was not shown", to.user().id());
        throw new IllegalStateException("secrets open only in the private window of the Reveal button");
    }

    /**
     * Shows the secret in the credential window {@code viewId}; once Slack accepted it the vault destroys the secret
     * and the offer message says "revealed at". When Slack refuses, the offer stays revealable and this throws.
     */
    void showRevealed(String viewId, String offerId, String channelId, String messageTs, SecretReveal reveal) {
        try {
            api.call("views.update", c -> c.viewsUpdate(v -> v.viewId(viewId).view(modals.revealed(reveal))));
        } catch (RuntimeException e) {
            reveal.receipt().notShown(e instanceof SlackCallFailed f ? f.error() : e.getMessage());
            throw e;
        }
        reveal.receipt().shown();
        ScheduledFuture<?> expiry = offerExpiries.remove(offerId);
        if (expiry != null) expiry.cancel(false);
        if (channelId == null || messageTs == null) return;
        BlockKitRenderer.Rendered done = renderer.revealed(reveal.label(), clock.instant());
        api.call("chat.update", c -> c.chatUpdate(m -> m.channel(channelId).ts(messageTs)
                .text(done.text()).blocks(done.blocks())));
    }

    /** Keeps a form offered to {@code to}, so its "Fill in" button opens it on any instance, even after a restart. */
    void remember(ChatAddress to, FormPrompt form) {
        forms.save(to.user().id(), form, to.place());
    }

    /**
     * Opens a form's modal straight from the click that asked for it (Deny on an approval card), while its trigger
     * id is still valid (3 s); when Slack refuses, the form is offered as a "Fill in" button instead.
     */
    void open(String triggerId, ChatAddress to, FormPrompt form) {
        remember(to, form);
        if (triggerId != null) {
            try {
                api.call("views.open", c -> c.viewsOpen(v -> v.triggerId(triggerId)
                        .view(modals.form(form, ModalViews.metadata(form.id(), to.place())))));
                return;
            } catch (SlackCallFailed e) {
                log.info("Could not open form {} from the click ({}); offering a button", form.id(), e.error());
            }
        }
        post(to, form);
    }

    /**
     * A user id (U..., W..., or "dm:" + user id when the engine writes first, e.g. an approval card) stands for that
     * person's DM with the bot; anything else is a channel id.
     */
    String channelFor(String place) {
        String placeChannel = place.startsWith(ChatPlace.DIRECT_MESSAGE_PREFIX)
                ? place.substring(ChatPlace.DIRECT_MESSAGE_PREFIX.length()) : place;
        if (!placeChannel.startsWith("U") && !placeChannel.startsWith("W")) return placeChannel;
        String known = dmChannels.get(placeChannel);
        if (known != null) return known;
        // Not inside computeIfAbsent: a Web API call must not hold the map's lock (a duplicate open is harmless).
        String opened = delivery.call("conversations.open",
                c -> c.conversationsOpen(r -> r.users(List.of(placeChannel)))).getChannel().getId();
        dmChannels.putIfAbsent(placeChannel, opened);
        return opened;
    }

    private void scheduleExpiry(RevealOffer offer, String channel, String ts) {
        long delay = Math.max(0, Duration.between(clock.instant(), offer.expiresAt()).toMillis());
        offerExpiries.put(offer.offerId(), timers.schedule(() -> {
            offerExpiries.remove(offer.offerId());
            BlockKitRenderer.Rendered gone = renderer.expired(offer.label(), offer.expiresAt());
            try {
                api.call("chat.update", c -> c.chatUpdate(m -> m.channel(channel).ts(ts).text(gone.text()).blocks(gone.blocks())));
            } catch (SlackCallFailed e) {
                log.warn("Could not mark expired offer {} in Slack: {}", offer.offerId(), e.error());
            }
        }, delay, TimeUnit.MILLISECONDS));
    }

}
