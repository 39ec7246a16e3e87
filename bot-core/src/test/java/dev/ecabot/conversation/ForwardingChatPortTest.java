package dev.ecabot.conversation;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A port that wraps another answers as the port behind it, for every question the engine can ask, unless it says
 * otherwise: a method added to {@link ChatPort} (with a default) must be forwarded by {@link ForwardingChatPort}, or
 * every wrapper would silently answer the default instead of the platform.
 */
class ForwardingChatPortTest {

    private static final MessageRef SENT = new MessageRef(ChatAddress.channel("slack", "C0123ABCD"), "behind");

    @Test
    void everyMethodOfTheChatPortIsForwarded() throws Exception {
        for (Method method : portMethods()) {
            Method forwarding = ForwardingChatPort.class.getMethod(method.getName(), method.getParameterTypes());
            assertThat(forwarding.getDeclaringClass()).as(method.getName() + " is forwarded, not left to ChatPort's default")
                    .isEqualTo(ForwardingChatPort.class);
        }
    }

    @Test
    void aWrapperThatChangesNothingAsksThePortBehindForEverything() throws Exception {
        List<String> asked = new ArrayList<>();
        ChatPort behind = (ChatPort) Proxy.newProxyInstance(ChatPort.class.getClassLoader(), new Class<?>[] {ChatPort.class},
                (proxy, method, args) -> {
                    asked.add(method.getName() + Arrays.toString(args));
                    // The opposite of ChatPort's defaults (serves: true, the rest: false), so a default cannot pass.
                    if (method.getReturnType() == boolean.class) return !method.getName().equals("serves");
                    return method.getReturnType() == MessageRef.class ? SENT : null;
                });
        ChatPort wrapper = new ForwardingChatPort(behind) {
        };
        for (Method method : portMethods()) {
            Object[] args = new Object[method.getParameterCount()];
            for (int i = 0; i < args.length; i++) if (method.getParameterTypes()[i] == String.class) args[i] = "slack";
            Object answer = method.invoke(wrapper, args);
            assertThat(asked).as(method.getName()).endsWith(method.getName() + Arrays.toString(args));
            if (method.getReturnType() == boolean.class) {
                assertThat(answer).as(method.getName()).isEqualTo(!method.getName().equals("serves"));
            }
            if (method.getReturnType() == MessageRef.class) assertThat(answer).as(method.getName()).isSameAs(SENT);
        }
        assertThat(asked).hasSize(portMethods().size());
    }

    private static List<Method> portMethods() {
        return Arrays.stream(ChatPort.class.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers())).toList();
    }
}
