package dev.ecabot.app.terminal;

import dev.ecabot.conversation.ChatUser;

import java.util.Objects;

/** Who is typing in the terminal now ({@code /as} changes it). Thread-safe. */
public final class Speaker {

    private volatile ChatUser current;

    public Speaker(String name) {
        switchTo(name);
    }

    public ChatUser current() {
        return current;
    }

    public void switchTo(String name) {
        this.current = new ChatUser(TerminalSession.PLATFORM, Objects.requireNonNull(name, "name"), name, null);
    }
}
