package dev.ecabot.teams;

import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TaskModuleContinueResponse;
import com.microsoft.bot.schema.teams.TaskModuleMessageResponse;
import com.microsoft.bot.schema.teams.TaskModuleResponse;
import com.microsoft.bot.schema.teams.TaskModuleTaskInfo;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatTurns;
import dev.ecabot.conversation.TurnAnswer;
import dev.ecabot.conversation.PromptRef;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.TextMessage;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Teams bot: remembers where each activity came from (for later posts), turns it into a ChatEvent for the
 * engine's one entry point, and answers the Reveal button's {@code task/fetch} with a dialog showing the secret
 * (or why not) and then marks the offer card as used. Replies go out through {@link TeamsChatPort}. Thread-safe.
 */
public final class TeamsBot implements Bot {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TeamsBot.class);

    /** A Reveal click's dialog shows the secret, or the engine's words saying why not. */
    private static final java.util.Set<TurnAnswer.InTurn> REVEAL_DIALOG =
            java.util.EnumSet.of(TurnAnswer.InTurn.SECRET, TurnAnswer.InTurn.WORDS);
    private static final Pattern TYPED_REVEAL = Pattern.compile("(?i)/?reveal\\s+(\\S+)");
    private final ChatTurns engine;
    private final TeamsChatPort port;
    private final TeamsDirectory directory;
    private final AdaptiveCards cards;
    private final Clock clock;

    public TeamsBot(Consumer<ChatEvent> engine, TeamsChatPort port, TeamsDirectory directory, AdaptiveCards cards,
                    Clock clock) {
        this((event, inTurn) -> {
            engine.accept(event);
            return TurnAnswer.handled();
        }, port, directory, cards, clock);
    }

    /** With the engine's answer to each turn: a refused click is told to the clicker only; the card stays. */
    public TeamsBot(ChatTurns engine, TeamsChatPort port, TeamsDirectory directory, AdaptiveCards cards, Clock clock) {
        this.engine = engine;
        this.port = port;
        this.directory = directory;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (activity.getFrom() == null || activity.getConversation() == null || activity.getRecipient() == null) {
            return CompletableFuture.completedFuture(null);
        }
        remember(activity);
        if (activity.isType(ActivityTypes.INVOKE)) {
            return "task/fetch".equals(activity.getName()) ? revealDialog(turn) : CompletableFuture.completedFuture(null);
        }
        if (activity.isType(ActivityTypes.CONVERSATION_UPDATE)) {
            return welcomeIfInstalledForAPerson(activity);
        }
        Optional<ChatEvent> event = TeamsInbound.toEvent(activity);
        Optional<String> typedReveal = event.flatMap(TeamsBot::typedRevealOffer);
        if (typedReveal.isPresent()) {
            // A typed "reveal" would release the secret where Teams cannot show it privately: offer the button instead.
            port.send(replyAddress(activity), cards.revealButton(typedReveal.get()));
        } else if (event.isPresent()) {
            TurnAnswer answer = engine.answer(event.get());
            if (answer.refused()) {
                tellOnly(activity, answer.refusalWords());
            } else if (activity.getReplyToId() != null && !(event.get() instanceof ChatEvent.Text) && !isApproval(event.get())) {
                // The clicked card has served: replace it so an old button cannot be pressed twice. (Approval cards
                // are the engine's to edit: it refuses some clickers and updates every copy after a decision.)
                port.replace(replyAddress(activity), activity.getReplyToId(), cards.answered(event.get()));
            }
        } else if (activity.isType(ActivityTypes.MESSAGE)) {
            port.post(replyAddress(activity), TextMessage.warning("I can read typed messages and my own cards only."
                    + " Say \"help\" to see what I can do."));
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> revealDialog(TurnContext turn) {
        Activity activity = turn.getActivity();
        Optional<ChatEvent> event = TeamsInbound.toEvent(activity);
        TaskModuleResponse response = new TaskModuleResponse();
        if (event.isEmpty()) {
            response.setTask(message("There is nothing to open here."));
        } else {
            ChatAddress to = event.get().replyTo();
            TurnAnswer said = engine.answer(event.get(), REVEAL_DIALOG);
            if (said.secret().isPresent()) {
                SecretReveal secret = said.secret().get();
                try {
                    response.setTask(secretDialog(secret));
                } catch (RuntimeException e) {
                    secret.receipt().notShown(e.getMessage());
                    throw e;
                }
                // The task/fetch answer is produced: the vault destroys the secret now.
                secret.receipt().shown();
                if (activity.getReplyToId() != null) {
                    // The dialog is answered now, from the vault; marking the offer card used may take its time.
                    Activity used = cards.revealedOffer(said.secret().get().label(), to.user().displayName(), clock.instant());
                    String offerCard = activity.getReplyToId();
                    CompletableFuture.runAsync(() -> port.replace(to, offerCard, used)).exceptionally(e -> {
                        LOG.warn("Could not mark a revealed offer card as used: {}", e.getMessage());
                        return null;
                    });
                }
            } else {
                response.setTask(message(said.refused() ? said.refusalWords()
                        : said.words().isEmpty() ? "There is nothing to show." : String.join("\n", said.words())));
            }
        }
        Activity invokeResponse = new Activity(ActivityTypes.INVOKE_RESPONSE);
        invokeResponse.setValue(new InvokeResponse(200, response));
        return turn.sendActivity(invokeResponse).thenApply(sent -> null);
    }

    private CompletableFuture<Void> welcomeIfInstalledForAPerson(Activity activity) {
        boolean botAdded = activity.getMembersAdded() != null && activity.getMembersAdded().stream()
                .map(ChannelAccount::getId).anyMatch(activity.getRecipient().getId()::equals);
        if (botAdded && "personal".equals(activity.getConversation().getConversationType())) {
            port.post(replyAddress(activity), TextMessage.info("Hello! I set up Salesforce External Client Apps for"
                    + " integrations. Say \"help\" to see what I can do, or \"new\" to start."));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Keeps where the conversation and the person can be reached, so later posts and reminders find them. */
    private void remember(Activity activity) {
        directory.rememberConversation(activity.getConversationReference());
        boolean personal = "personal".equals(activity.getConversation().getConversationType());
        directory.rememberMember(new TeamsDirectory.Member(TeamsInbound.user(activity).id(), activity.getFrom().getId(),
                activity.getFrom().getName(), activity.getConversation().getTenantId(), activity.getServiceUrl(),
                activity.getRecipient().getId(), personal ? activity.getConversation().getId() : null));
    }

    /** Words for the clicker only: in their 1:1 chat with the bot (never the channel everyone reads). */
    private void tellOnly(Activity activity, String words) {
        ChatAddress clicker = replyAddress(activity);
        try {
            if ("personal".equals(activity.getConversation().getConversationType())) {
                port.post(clicker, TextMessage.warning(words));
            } else {
                port.post(port.personalChats().addressOf(clicker.user()), TextMessage.warning(words));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not tell {} why their click was refused: {}", clicker.user().key(), e.getMessage());
        }
    }

    private static boolean isApproval(ChatEvent event) {
        return event instanceof ChatEvent.Choice && event.prompt().orElseThrow() == PromptRef.Fixed.APPROVAL;
    }

    /** The offer id of a typed "reveal <offer>", if that is what the text says. */
    private static Optional<String> typedRevealOffer(ChatEvent event) {
        if (!(event instanceof ChatEvent.Text text)) return Optional.empty();
        Matcher matcher = TYPED_REVEAL.matcher(text.text());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static ChatAddress replyAddress(Activity activity) {
        return new ChatAddress(TeamsInbound.user(activity), TeamsInbound.place(activity));
    }

    private TaskModuleContinueResponse secretDialog(SecretReveal secret) {
        TaskModuleTaskInfo dialog = new TaskModuleTaskInfo();
        dialog.setTitle(secret.label());
        dialog.setHeight("medium");
        dialog.setWidth("medium");
        dialog.setCard(cards.secretCard(secret));
        TaskModuleContinueResponse show = new TaskModuleContinueResponse();
        show.setValue(dialog);
        return show;
    }

    private static TaskModuleMessageResponse message(String text) {
        TaskModuleMessageResponse message = new TaskModuleMessageResponse();
        message.setValue(text);
        return message;
    }
}
