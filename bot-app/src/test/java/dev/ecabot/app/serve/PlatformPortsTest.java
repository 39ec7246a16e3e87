package dev.ecabot.app.serve;

import dev.ecabot.conversation.ChatPort;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PlatformPorts routes each call to one platform's port, so it cannot simply forward like the wrappers do
 * (ForwardingChatPort): it must answer every question of the {@link ChatPort} itself, by the platform asked about,
 * never with the interface's default (which would say "no forms, no homes" for every platform).
 */
class PlatformPortsTest {

    @Test
    void everyMethodOfTheChatPortIsRoutedByPlatform() throws Exception {
        for (Method method : ChatPort.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) continue;
            Method routed = PlatformPorts.class.getMethod(method.getName(), method.getParameterTypes());
            assertThat(routed.getDeclaringClass()).as(method.getName()).isEqualTo(PlatformPorts.class);
        }
    }
}
