package dev.ecabot.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A test bot for the hosting layer: echoes messages, answers invokes, and counts the turns it was given. */
final class EchoBot extends ActivityHandler {

    final AtomicInteger turns = new AtomicInteger();

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turnContext) {
        turns.incrementAndGet();
        return super.onTurn(turnContext);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        return turnContext.sendActivity(MessageFactory.text("echo: " + turnContext.getActivity().getText()))
                .thenApply(sent -> null);
    }

    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turnContext) {
        return CompletableFuture.completedFuture(new InvokeResponse(200, Map.of("task", Map.of("type", "message",
                "value", "invoked " + turnContext.getActivity().getName()))));
    }
}
