package dev.ecabot.conversation.command;

/**
 * One chat command: the same word on every platform ({@code new}, {@code status}, {@code approve} ...).
 * Adding a command is one small class implementing this, registered in {@code builtin.BuiltinCommands}.
 * Implementations must be thread-safe (the engine runs messages of different people in parallel).
 */
public interface ChatCommand {

    /** The word that runs it, lower case. */
    String name();

    /** How to call it, e.g. {@code new [playbook] [org]}. */
    String usage();

    /** One line for {@code help}. */
    String summary();

    void run(CommandCall call);
}
