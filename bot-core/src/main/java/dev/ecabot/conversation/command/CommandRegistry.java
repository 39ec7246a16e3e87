package dev.ecabot.conversation.command;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The commands the bot understands, by name, in the order {@code help} lists them. Built once, then read-only. */
public final class CommandRegistry {

    private final Map<String, ChatCommand> byName = new LinkedHashMap<>();

    public CommandRegistry register(ChatCommand command) {
        String name = command.name().toLowerCase(Locale.ROOT);
        if (byName.putIfAbsent(name, command) != null) {
            throw new IllegalArgumentException("two commands are named '" + name + "'");
        }
        return this;
    }

    public Optional<ChatCommand> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    public Collection<ChatCommand> all() {
        return Collections.unmodifiableCollection(byName.values());
    }
}
