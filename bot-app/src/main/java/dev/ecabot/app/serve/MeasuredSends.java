package dev.ecabot.app.serve;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatDeliveryException;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ForwardingChatPort;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ChatMessage;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The platforms' port as the outbox sees it, measured: every post and edit the outbox sends is timed by platform
 * and outcome ({@code ecabot_outbox_sends_seconds{platform,outcome}}: "sent", "retry" when the platform refused it
 * for now and the outbox tries again, "refused" when it refused the message itself). What a turn answers at once (in its
 * TurnAnswer) and reveals never reach the outbox and are not counted. Kept outside the outbox so the outbox stays about delivery.
 */
final class MeasuredSends extends ForwardingChatPort {

    private final ChatPort platforms;

    MeasuredSends(ChatPort platforms) {
        super(platforms);
        this.platforms = platforms;
    }

    @Override
    public MessageRef post(ChatAddress to, ChatMessage message) {
        return measured(to, () -> platforms.post(to, message));
    }

    @Override
    public void edit(MessageRef ref, ChatMessage message) {
        measured(ref.address(), () -> {
            platforms.edit(ref, message);
            return ref;
        });
    }

    private static MessageRef measured(ChatAddress to, Supplier<MessageRef> send) {
        long start = System.nanoTime();
        String outcome = "refused";
        try {
            MessageRef ref = send.get();
            outcome = "sent";
            return ref;
        } catch (RuntimeException e) {
            // The outbox tries again what is not a refusal of the payload itself (see Outbox.worthRetrying).
            if (!(e instanceof ChatDeliveryException d) || d.retryable()) outcome = "retry";
            throw e;
        } finally {
            Timer.builder("ecabot.outbox.sends").description("Sends from the outbox to a chat platform by outcome")
                    .tag("platform", to.user().platform()).tag("outcome", outcome)
                    .register(Metrics.globalRegistry).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
