package dev.ecabot.app.serve;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatDeliveryException;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.TextMessage;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox's sends counted by platform and outcome: sent, tried again (429/5xx), refused for good. */
class MeasuredSendsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void remove() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void eachSendIsTimedByPlatformAndOutcome() {
        Metrics.addRegistry(registry);
        Deque<RuntimeException> failures = new ArrayDeque<>();
        failures.add(new ChatDeliveryException("ratelimited", true, Duration.ofSeconds(3), null));
        failures.add(new ChatDeliveryException("invalid_blocks", false, null, null));
        ChatPort slack = new ChatPort() {
            @Override
            public MessageRef post(ChatAddress to, ChatMessage message) {
                if (!failures.isEmpty()) throw failures.poll();
                return new MessageRef(to, "1700000000.0001");
            }

            @Override
            public void edit(MessageRef ref, ChatMessage message) {
            }

            @Override
            public void reveal(ChatAddress to, SecretReveal reveal) {
            }
        };
        MeasuredSends sends = new MeasuredSends(slack);
        ChatAddress ann = ChatAddress.directTo(ChatUser.of("slack", "U024BE7LH"));

        assertThatThrownBy(() -> sends.post(ann, TextMessage.warning("hello"))).hasMessage("ratelimited");
        assertThatThrownBy(() -> sends.post(ann, TextMessage.warning("hello"))).hasMessage("invalid_blocks");
        MessageRef sent = sends.post(ann, TextMessage.warning("hello"));
        sends.edit(sent, TextMessage.warning("hello again"));

        assertThat(count("retry")).isEqualTo(1);
        assertThat(count("refused")).isEqualTo(1);
        assertThat(count("sent")).isEqualTo(2);
    }

    private long count(String outcome) {
        var timer = registry.find("ecabot.outbox.sends").tag("platform", "slack").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
