package dev.ecabot.conversation.command;

import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Option;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One page of a long list a command answers with ({@code inventory}, {@code audit}, {@code reminders}): the
 * command's own filter words and the page number, read from a trailing {@code page N}. The "More" button runs the
 * command again with the same words and the next page number in the button itself (prompt id and value), so a click
 * on a page shown before a restart still works: nothing about the listing is kept in memory. Typing the button's
 * label ("more") where the terminal shows it, or the command with {@code page N}, does the same.
 */
public record ListPage(List<String> words, int number) {

    /** Rows per page: well under Slack's 50 blocks per message and Teams' 28 KB per card, even with long lines. */
    public static final int SIZE = 15;

    /** The label of the button, and what a terminal user types. */
    public static final String MORE = "More";

    private static final String WORD = "page";
    /** Filter words longer than this cannot travel in a button (Slack's block_id holds 255 characters). */
    private static final int LONGEST_WORDS = 200;

    public ListPage {
        words = List.copyOf(words);
        if (number < 1) throw new IllegalArgumentException("pages start at 1");
    }

    /** Splits a trailing {@code page N} off {@code words}; without one, the first page of all the words. */
    public static ListPage of(List<String> words) {
        int n = words.size();
        if (n >= 2 && words.get(n - 2).toLowerCase(Locale.ROOT).equals(WORD) && words.get(n - 1).matches("[1-9][0-9]{0,5}")) {
            return new ListPage(words.subList(0, n - 2), Integer.parseInt(words.get(n - 1)));
        }
        return new ListPage(words, 1);
    }

    /** How many rows come before this page. */
    public int offset() {
        return (number - 1) * SIZE;
    }

    /** This page's rows of {@code all} (empty past the end). */
    public <T> List<T> rowsOf(List<T> all) {
        int from = Math.min(offset(), all.size());
        return all.subList(from, Math.min(from + SIZE, all.size()));
    }

    /** True when rows remain after this page. */
    public boolean hasMore(int total) {
        return offset() + SIZE < total;
    }

    /** ", 16-30 of 42" when the list spans pages, else "" (to append to a heading). */
    public String range(int shown, int total) {
        if (number == 1 && !hasMore(total)) return "";
        return shown == 0 ? ", none left on page " + number
                : String.format(Locale.ROOT, ", %d-%d shown", offset() + 1, offset() + shown);
    }

    /**
     * The "More" button after this page of {@code command}, when rows remain: empty on the last page, and when the
     * filter words are too long to travel in a button (the note then says what to type).
     */
    public Optional<ChoicePrompt> more(String command, int total) {
        if (!hasMore(total)) return Optional.empty();
        String args = String.join(" ", words);
        if (args.length() > LONGEST_WORDS) return Optional.empty();
        int left = total - offset() - SIZE;
        String typed = command + (args.isEmpty() ? "" : " " + args) + " " + WORD + " " + (number + 1);
        return Optional.of(new ChoicePrompt(CommandCall.promptId(command, args).strip(), // no trailing space in a block_id
                left + " more (or say \"" + typed + "\").",
                List.of(new Option(WORD + " " + (number + 1), MORE, null)), null, null));
    }
}
