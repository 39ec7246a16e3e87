package dev.ecabot.conversation.message;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new kind of chat message cannot reach a user as an empty card: renderers (plain text, Block Kit, Adaptive Cards)
 * implement {@link ChatMessage.Visitor}, which must name every kind the sealed interface permits, so the new kind does
 * not compile until each renderer says how it looks.
 */
class EveryMessageKindIsRenderedTest {

    @Test
    void theVisitorHasOneMethodForEachKindOfMessage() {
        List<Class<?>> kinds = Arrays.asList(ChatMessage.class.getPermittedSubclasses());
        List<Class<?>> visited = Arrays.stream(ChatMessage.Visitor.class.getDeclaredMethods())
                .map(Method::getParameterTypes).<Class<?>>map(parameters -> parameters[0]).toList();

        assertThat(visited).containsExactlyInAnyOrderElementsOf(kinds);
    }

    @Test
    void everyKindHandsItselfToItsOwnVisitorMethod() throws Exception {
        for (Class<?> kind : ChatMessage.class.getPermittedSubclasses()) {
            Method accept = kind.getMethod("accept", ChatMessage.Visitor.class);
            assertThat(accept.getDeclaringClass()).as("%s declares accept", kind.getSimpleName()).isEqualTo(kind);
        }
    }

    @Test
    void plainTextShowsEachKindAsSomething() {
        List<ChatMessage> samples = List.of(TextMessage.info("Hello"),
                new FileMessage("apps.csv", "text/csv", "a,b\n", "The inventory"),
                new RevealOffer("offer-1", "Consumer secret", Instant.parse("2026-12-03T10:00:00Z")));
        for (ChatMessage sample : samples) {
            assertThat(PlainText.render(sample)).as(sample.getClass().getSimpleName()).isNotBlank();
        }
    }
}
