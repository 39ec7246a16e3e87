package dev.ecabot.app.serve;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.SecretReveal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's one {@link ChatPort} when several chat platforms are served: each message goes to the port of
 * the platform its person is on ({@code ChatUser.platform()}). Register every platform before the first
 * message. Thread-safe.
 */
public final class PlatformPorts implements ChatPort {

    private final Map<String, ChatPort> byPlatform = new ConcurrentHashMap<>();

    public PlatformPorts register(String platform, ChatPort port) {
        byPlatform.put(platform, port);
        return this;
    }

    @Override
    public MessageRef post(ChatAddress to, ChatMessage message) {
        return portFor(to).post(to, message);
    }

    @Override
    public void edit(MessageRef ref, ChatMessage message) {
        portFor(ref.address()).edit(ref, message);
    }

    @Override
    public void reveal(ChatAddress to, SecretReveal reveal) {
        portFor(to).reveal(to, reveal);
    }

    @Override
    public void refreshHome(dev.ecabot.conversation.ChatUser user) {
        ChatPort port = byPlatform.get(user.platform());
        if (port != null) port.refreshHome(user);
    }

    @Override
    public boolean hasHomes(String platform) {
        ChatPort port = byPlatform.get(platform);
        return port != null && port.hasHomes(platform);
    }

    @Override
    public boolean serves(String platform) {
        return byPlatform.containsKey(platform);
    }

    @Override
    public boolean showsForms(String platform) {
        ChatPort port = byPlatform.get(platform);
        return port != null && port.showsForms(platform);
    }

    private ChatPort portFor(ChatAddress to) {
        ChatPort port = byPlatform.get(to.user().platform());
        if (port == null) {
            throw new IllegalStateException("no chat platform '" + to.user().platform() + "' is served; served: "
                    + byPlatform.keySet());
        }
        return port;
    }
}
