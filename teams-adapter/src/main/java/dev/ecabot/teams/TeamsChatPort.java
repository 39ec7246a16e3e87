package dev.ecabot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's ChatPort for Teams: posts and edits (updateActivity) Adaptive Cards through the Bot Framework
 * connector, in any conversation the bot was spoken to in (its reference is in the {@link TeamsDirectory}), so
 * background threads and other instances can post too; a {@link ChatPlace#directMessageTo} place goes to the person's
 * 1:1 chat ({@link PersonalChats}). Secrets are never posted: the engine answers a Reveal click's task/fetch with
 * the secret, which {@link TeamsBot} shows in the dialog. A place that is a channel the bot was never spoken in (an
 * approvers' channel named in the configuration) gets a new thread the bot starts itself ({@link ChannelThreads}).
 * Approval cards are kept ({@link TeamsApprovalViews}) so Teams' refreshes show approvers their buttons. Thread-safe.
 */
public final class TeamsChatPort implements ChatPort {

    /** People here fill in whole forms ({@link dev.ecabot.conversation.message.FormPrompt} as an Adaptive Card). */
    @Override
    public boolean showsForms(String platform) {
        return true;
    }

    private static final Logger log = LoggerFactory.getLogger(TeamsChatPort.class);
    private final TeamsBotAdapter adapter;
    private final TeamsDirectory directory;
    private final AdaptiveCards cards;
    private final PersonalChats personalChats;
    private final ChannelThreads channelThreads;
    private final TeamsApprovalViews approvalViews;

    public TeamsChatPort(TeamsBotAdapter adapter, TeamsDirectory directory, AdaptiveCards cards,
                         TeamsApprovalViews approvalViews) {
        this.adapter = adapter;
        this.directory = directory;
        this.cards = cards;
        this.personalChats = new PersonalChats(adapter, directory);
        this.channelThreads = new ChannelThreads(adapter, directory);
        this.approvalViews = approvalViews;
    }

    /** The approval cards on record, for answering Teams' refreshes. */
    public TeamsApprovalViews approvalViews() {
        return approvalViews;
    }

    /** How to reach a person in their 1:1 chat with the bot (reminders, notices, credential offers). */
    public PersonalChats personalChats() {
        return personalChats;
    }

    @Override
    public MessageRef post(ChatAddress to, ChatMessage message) {
        if (to.place().channelId().startsWith(ChatPlace.DIRECT_MESSAGE_PREFIX)) {
            if (message instanceof ApprovalCard card) {
                // sent to them as an approver: their copies (and the channel's) refresh into Approve / Deny for them
                directory.member(to.user().id()).ifPresent(m -> approvalViews.addApprover(card.requestId(),
                        new TeamsApprovalViews.Approver(to.user().id(), m.memberId())));
            }
            // The engine writes first (an approval card): find or open the person's 1:1 chat, and edit it there later.
            return post(personalChats.addressOf(to.user()), message);
        }
        if (message instanceof RevealOffer && !isPersonal(to)) {
            return offerPrivately(to, message);
        }
        return deliver(to, message);
    }

    private MessageRef deliver(ChatAddress to, ChatMessage message) {
        Activity activity = activityFor(message, to.user());
        if (directory.conversation(to.place().channelId()).isEmpty() && ChannelThreads.isChannel(to.place().channelId())) {
            // A channel the bot has no conversation in: it starts a thread there itself, and edits it there later.
            ChannelThreads.Started thread = channelThreads.start(to.place().channelId(), activity);
            return new MessageRef(new ChatAddress(to.user(), ChatPlace.direct(thread.conversationId())), thread.activityId());
        }
        com.microsoft.bot.schema.ResourceResponse sent = inTurn("sendActivity", to, turn -> turn.sendActivity(activity));
        if (sent == null || sent.getId() == null) throw new IllegalStateException("Teams accepted the message but returned no id");
        return new MessageRef(to, sent.getId());
    }

    @Override
    public void edit(MessageRef ref, ChatMessage message) {
        Activity activity = activityFor(message, ref.address().user());
        activity.setId(ref.id());
        // A message the engine wrote first went to the person's 1:1 chat: that is where it is edited.
        ChatAddress where = ref.address().place().channelId().startsWith(ChatPlace.DIRECT_MESSAGE_PREFIX)
                ? personalChats.addressOf(ref.address().user()) : ref.address();
        inTurn("updateActivity", where, turn -> turn.updateActivity(activity));
    }

    /**
     * The activity showing {@code message} as {@code reader} reads it (people as mentions, times in their zone); an
     * approval card is first kept as its request's latest state.
     */
    private Activity activityFor(ChatMessage message, dev.ecabot.conversation.ChatUser reader) {
        AdaptiveCards cards = cardsFor(reader);
        if (!(message instanceof ApprovalCard card)) return cards.render(message);
        List<String> approverMemberIds = List.of();
        try {
            approvalViews.remember(card);
            approverMemberIds = approvalViews.approvers(card.requestId()).stream().map(TeamsApprovalViews.Approver::memberId).toList();
        } catch (RuntimeException e) {
            // the card still goes out: its words tell approvers how to decide by typing, and the engine checks them
            log.warn("Could not keep approval card {} for Teams' refreshes: {}", card.requestId(), e.getMessage());
        }
        return cards.approval(card, approverMemberIds);
    }

    /**
     * The cards as {@code user} reads them: moments in the time zone their Teams client last named (else the bot's
     * display zone), people named as the directory knows them. A channel, or someone never seen, gets the display zone.
     */
    AdaptiveCards cardsFor(dev.ecabot.conversation.ChatUser user) {
        java.time.ZoneId zone = cards.displayZone();
        if (user != null && TeamsInbound.PLATFORM.equals(user.platform())) {
            try {
                zone = directory.member(user.id()).map(m -> TeamsReader.zoneOr(m.timeZone(), cards.displayZone()))
                        .orElse(zone);
            } catch (RuntimeException e) {
                log.debug("Could not read {}'s time zone; using the display zone: {}", user.key(), e.getMessage());
            }
        }
        return cards.readBy(new TeamsReader(zone, this::nameOf));
    }

    /** A person's name as the directory knows it, or null. */
    private String nameOf(dev.ecabot.conversation.message.Person person) {
        try {
            return directory.member(person.id()).map(TeamsDirectory.Member::displayName).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Waits for a connector call; a failure says whether the outbox should try again (429, 5xx) or not. */
    private static void join(String what, java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> call) {
        try {
            call.get().join();
        } catch (RuntimeException e) {
            throw TeamsFailures.classify(what, e);
        }
    }

    /**
     * The connector call made inside a proactive turn: the adapter's turn-error handler would swallow its failure
     * (a 413 would look like a message accepted without an id, an edit refused like one made), so it is kept here
     * and thrown after the turn, classified (429 / 5xx retried by the outbox, 413 / 400 given up at once).
     */
    private <T> T inTurn(String what, ChatAddress to,
                         java.util.function.Function<com.microsoft.bot.builder.TurnContext, java.util.concurrent.CompletableFuture<T>> call) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        join(what, () -> adapter.continueConversation(reference(to), turn -> call.apply(turn).handle((value, error) -> {
            if (error != null) failure.set(error); else result.set(value);
            return (Void) null;
        })));
        if (failure.get() != null) throw TeamsFailures.classify(what, failure.get());
        return result.get();
    }

    /** Replaces an earlier message with {@code activity} (e.g. a Reveal card once the secret was shown). */
    public void replace(ChatAddress to, String activityId, Activity activity) {
        activity.setId(activityId);
        adapter.continueConversation(reference(to), turn -> turn.updateActivity(activity)
                .thenApply(ignored -> (Void) null)).join();
    }

    @Override
    public void reveal(ChatAddress to, SecretReveal reveal) {
        // Only a Reveal click (task/fetch) shows a secret in Teams, from the engine's answer to it; the vault has
        // already released this one.
        log.error("A secret for {} was released outside a Teams reveal dialog; it was not shown", to.user().key());
        throw new IllegalStateException("secrets open only in the dialog of the Reveal button");
    }

    /**
     * Credentials are offered in the person's 1:1 chat, not in a channel everyone reads. When Teams will not open
     * that chat (the app is not installed for the person), the offer stays where it was asked for: its Reveal
     * button still opens the secret only for the requester, in a dialog.
     */
    private MessageRef offerPrivately(ChatAddress to, ChatMessage offer) {
        ChatAddress personal;
        try {
            personal = personalChats.addressOf(to.user());
        } catch (RuntimeException e) {
            dev.ecabot.conversation.ChatDeliveryException failure = TeamsFailures.classify("createConversation", e);
            if (failure.retryable()) throw failure; // Teams is busy, not refusing: the outbox tries again later
            log.warn("Could not open a 1:1 chat with {} for a credentials offer ({}); offering it where it was asked",
                    to.user().key(), e.getMessage());
            // A note that fails must not fail the offer: the outbox would send the offer again.
            bestEffort(to, TextMessage.info("Install the ECA bot app for yourself in Teams to get credential offers in a"
                    + " private chat. This offer opens only for " + to.user().displayName() + "."));
            return deliver(to, offer);
        }
        MessageRef posted = post(personal, offer);
        // Once the offer is out, a failed pointer to it must not make the outbox send the offer again.
        bestEffort(to, TextMessage.info(to.user().displayName() + ", I sent you the credentials in our private chat."));
        return posted;
    }

    private void bestEffort(ChatAddress to, ChatMessage note) {
        try {
            deliver(to, note);
        } catch (RuntimeException e) {
            log.warn("A note to {} was not delivered: {}", to.user().key(), e.getMessage());
        }
    }

    private boolean isPersonal(ChatAddress to) {
        return "personal".equals(reference(to).getConversation().getConversationType());
    }

    private ConversationReference reference(ChatAddress to) {
        return directory.conversation(to.place().channelId()).orElseThrow(() -> new IllegalStateException(
                "The bot has no Teams conversation " + to.place().channelId() + " on record to post to"));
    }

    /** Sends {@code activity} to a conversation on record (used for welcome messages and the like). */
    void send(ChatAddress to, Activity activity) {
        adapter.continueConversation(reference(to), turn -> turn.sendActivity(activity).thenApply(sent -> (Void) null)).join();
    }
}
