package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.TextMessage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The Teams bot: remembers where each activity came from (for later posts), turns it into a ChatEvent for the
 * engine's one entry point (showing Teams' typing indicator while the engine works), and answers the invokes Teams
 * waits for: the Reveal button's {@code task/fetch} with a dialog showing the secret (or why not), then marking the
 * offer card as used; an approval card's Universal Actions ({@code adaptiveCard/action}: its refresh, Approve, Deny)
 * with the card as that person should see it. Welcomes people when it is added to a chat or team. Replies go out
 * through {@link TeamsChatPort}. No engine policy here: a message or card submission goes to the engine with its
 * activity id ({@link TeamsProcessedActivities#delivery}, recorded in the turn's own transaction, so a retried
 * delivery is a turn once), and the clicked card is replaced only when the engine's answer says it served, with the
 * engine's words. Thread-safe.
 */
public final class TeamsBot implements Bot {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TeamsBot.class);

    /** A Reveal click's dialog shows the secret, or the engine's words saying why not. */
    /** A submitted form card: refused, it is updated in place with each reason under its field (nothing typed lost). */
    private static final java.util.Set<TurnAnswer.InTurn> FORM_CARD = java.util.EnumSet.of(TurnAnswer.InTurn.FIELD_ERRORS);
    private static final java.util.Set<TurnAnswer.InTurn> REVEAL_DIALOG =
            java.util.EnumSet.of(TurnAnswer.InTurn.SECRET, TurnAnswer.InTurn.WORDS);
    /** Where the bot says hello when it is added: a person's chat, a group chat, a team (its General channel). */
    private static final java.util.Set<String> WELCOMED_IN = java.util.Set.of("personal", "groupChat", "channel");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .findAndRegisterModules();
    private final ChatTurns engine;
    private final TeamsChatPort port;
    private final TeamsDirectory directory;
    private final AdaptiveCards cards;
    private final Clock clock;
    private final TeamsApprovalViews approvalViews;
    private final TeamsProcessedActivities processed;

    public TeamsBot(Consumer<ChatEvent> engine, TeamsChatPort port, TeamsDirectory directory, AdaptiveCards cards,
                    Clock clock) {
        this((event, inTurn) -> {
            engine.accept(event);
            return TurnAnswer.handled();
        }, port, directory, cards, clock);
    }

    /** With the engine's answer to each turn: a refused click is told to the clicker only; the card stays. */
    public TeamsBot(ChatTurns engine, TeamsChatPort port, TeamsDirectory directory, AdaptiveCards cards, Clock clock) {
        this(engine, port, directory, cards, clock, null);
    }

    /**
     * As above, recording each message's and card submission's activity id in {@code processed} (null: none) inside
     * the turn it becomes, so a delivery Teams retries is processed once.
     */
    public TeamsBot(ChatTurns engine, TeamsChatPort port, TeamsDirectory directory, AdaptiveCards cards, Clock clock,
                    TeamsProcessedActivities processed) {
        this.processed = processed;
        this.engine = engine;
        this.port = port;
        this.directory = directory;
        this.cards = cards;
        this.clock = clock;
        this.approvalViews = port.approvalViews();
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (activity.getFrom() == null || activity.getConversation() == null || activity.getRecipient() == null) {
            return CompletableFuture.completedFuture(null);
        }
        remember(activity);
        if (activity.isType(ActivityTypes.INVOKE)) {
            if ("task/fetch".equals(activity.getName())) return revealDialog(turn);
            if (TeamsInbound.ADAPTIVE_CARD_ACTION.equals(activity.getName())) return universalAction(turn);
            return CompletableFuture.completedFuture(null);
        }
        if (activity.isType(ActivityTypes.CONVERSATION_UPDATE)) {
            return welcomeWhenAdded(activity);
        }
        Optional<ChatEvent> event = TeamsInbound.toEvent(activity);
        if (event.isPresent()) {
            typing(turn);
            boolean formCard = event.get() instanceof ChatEvent.FormSubmission && activity.getReplyToId() != null;
            TurnAnswer answer = engine.answer(event.get(), formCard ? FORM_CARD : java.util.Set.of(), delivery(activity));
            if (answer.repeated()) return CompletableFuture.completedFuture(null);
            if (answer.refused()) {
                tellOnly(activity, answer.refusalWords());
            } else if (answer.form().isPresent() && activity.getReplyToId() != null) {
                // The same card again, every value as typed and each reason under its field: fixed where it is.
                port.replace(replyAddress(activity), activity.getReplyToId(), cards.render(answer.form().get()));
            } else if (answer.answered().isPresent() && activity.getReplyToId() != null) {
                // The clicked card has served: replaced with the engine's words, so an old button cannot be pressed twice.
                port.replace(replyAddress(activity), activity.getReplyToId(), cards.answered(answer.answered().get()));
            }
        } else if (activity.isType(ActivityTypes.MESSAGE) && firstDelivery(activity)) {
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
                    Activity used = port.cardsFor(to.user()).revealedOffer(said.secret().get().label(), to.user().displayName(), clock.instant());
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

    /**
     * A card with buttons for the first steps when the bot is added: to a person (personal), a group chat or a team
     * (Teams says so in the team's General channel). Only the bot's own arrival counts, not every new member.
     */
    private CompletableFuture<Void> welcomeWhenAdded(Activity activity) {
        boolean botAdded = activity.getMembersAdded() != null && activity.getMembersAdded().stream()
                .map(ChannelAccount::getId).anyMatch(activity.getRecipient().getId()::equals) && firstDelivery(activity);
        if (botAdded && WELCOMED_IN.contains(String.valueOf(activity.getConversation().getConversationType()))) {
            try {
                port.send(replyAddress(activity), cards.welcome());
            } catch (RuntimeException e) {
                LOG.warn("Could not welcome {} in a Teams {}: {}", activity.getFrom().getName(),
                        activity.getConversation().getConversationType(), e.getMessage());
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Teams' "..." while the engine works on a message or a click (a deployment takes seconds). Best effort: a
     * typing indicator Teams refuses changes nothing.
     */
    private static void typing(TurnContext turn) {
        try {
            turn.sendActivity(Activity.createTypingActivity()).join();
        } catch (RuntimeException e) {
            LOG.debug("Teams did not take a typing indicator: {}", e.getMessage());
        }
    }

    /**
     * An approval card's Universal Action, answered with the card as the person pressing (or viewing) it should now
     * see it: Teams' refresh of the card ({@code approvalView}) gets Approve and Deny for the request's approvers and
     * the status for everyone else; Approve or Deny goes to the engine like a click, and a refusal is shown to the
     * clicker only (Teams shows an invoke's message to them alone).
     */
    private CompletableFuture<Void> universalAction(TurnContext turn) {
        Activity activity = turn.getActivity();
        JsonNode data = TeamsInbound.actionData(activity);
        String verb = JSON.valueToTree(activity.getValue()).path("action").path("verb").asText();
        ChatEvent.Choice click = TeamsInbound.toEvent(activity).filter(ChatEvent.Choice.class::isInstance)
                .map(ChatEvent.Choice.class::cast).orElse(null);
        ObjectNode answer;
        if (AdaptiveCards.VERB_APPROVAL_VIEW.equals(verb) && data.hasNonNull("requestId")) {
            answer = approvalView(TeamsInbound.user(activity).id(), data.get("requestId").asText(), null);
        } else if (AdaptiveCards.VERB_DECIDE.equals(verb) && click != null && isApproval(click)) {
            TurnAnswer said = engine.answer(click);
            // The clicker's buttons go at once: the engine's edit of every copy may still be on its way (outbox).
            answer = said.refused() ? invokeMessage(said.refusalWords())
                    : approvalView(click.user().id(), requestIdOf(click.value()), click.value().startsWith("deny")
                    ? "Say why in the form I sent you in our chat; the request is denied then."
                    : "Your approval is recorded.");
        } else {
            answer = invokeMessage("This button is not one I know any more. Say \"help\" to see what I can do.");
        }
        Activity invokeResponse = new Activity(ActivityTypes.INVOKE_RESPONSE);
        invokeResponse.setValue(new InvokeResponse(200, answer));
        return turn.sendActivity(invokeResponse).thenApply(sent -> null);
    }

    /**
     * The approval card of {@code requestId} as {@code userId} sees it now; after their own click ({@code clicked}: what
     * to tell them) without buttons, whatever the card's state on record.
     */
    private ObjectNode approvalView(String userId, String requestId, String clicked) {
        Optional<ApprovalCard> card = approvalViews.latest(requestId);
        if (card.isEmpty()) return invokeMessage("Approval request " + requestId + " is no longer on record.");
        List<TeamsApprovalViews.Approver> approvers = approvalViews.approvers(requestId);
        List<String> memberIds = approvers.stream().map(TeamsApprovalViews.Approver::memberId).toList();
        boolean approver = clicked == null && approvers.stream().anyMatch(a -> a.userId().equals(userId));
        // as this person reads it: their local time, people as mentions
        AdaptiveCards seen = port.cardsFor(dev.ecabot.conversation.ChatUser.of(TeamsInbound.PLATFORM, userId));
        JsonNode shown = approver ? seen.approvalForApprover(card.get(), memberIds)
                : JSON.valueToTree(seen.approval(card.get(), memberIds).getAttachments().get(0).getContent());
        if (clicked != null && card.get().decidable()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) shown.path("body")).addObject().put("type", "TextBlock")
                    .put("text", clicked).put("wrap", true).put("color", "Good");
        }
        ObjectNode answer = JSON.createObjectNode().put("statusCode", 200).put("type", AdaptiveCards.CONTENT_TYPE);
        answer.set("value", shown);
        return answer;
    }

    /** The request id in an Approve / Deny value ("approve <id> <fingerprint>", "deny <id>"). */
    private static String requestIdOf(String value) {
        String[] words = value.trim().split("\\s+");
        return words.length > 1 ? words[1] : "";
    }

    private static ObjectNode invokeMessage(String text) {
        return JSON.createObjectNode().put("statusCode", 200).put("type", "application/vnd.microsoft.activity.message")
                .put("value", text);
    }

    /** Keeps where the conversation and the person can be reached, so later posts and reminders find them. */
    private void remember(Activity activity) {
        directory.rememberConversation(activity.getConversationReference());
        boolean personal = "personal".equals(activity.getConversation().getConversationType());
        directory.rememberMember(new TeamsDirectory.Member(TeamsInbound.user(activity).id(), activity.getFrom().getId(),
                activity.getFrom().getName(), activity.getConversation().getTenantId(), activity.getServiceUrl(),
                activity.getRecipient().getId(), personal ? activity.getConversation().getId() : null,
                TeamsInbound.timeZone(activity)));
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

    /** The activity as a delivery Teams may repeat, recorded by the engine in the turn it becomes. */
    private dev.ecabot.conversation.InboundDelivery delivery(Activity activity) {
        return processed == null ? dev.ecabot.conversation.InboundDelivery.UNTRACKED
                : processed.delivery(activity.getConversation().getId(), activity.getId());
    }

    /** For what is no engine turn (a welcome, a message the bot cannot read): recorded on its own, once. */
    private boolean firstDelivery(Activity activity) {
        return processed == null || activity.getId() == null
                || processed.firstDelivery(activity.getConversation().getId(), activity.getId());
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
