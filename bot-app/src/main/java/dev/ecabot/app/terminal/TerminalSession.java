package dev.ecabot.app.terminal;

import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.engine.ConversationEngine;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.conversation.message.RevealOffer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what people type in the terminal, one line at a time, and turns it into {@link ChatEvent}s for the
 * engine: a number or an option's value answers the choice on screen, a line answers the form field asked,
 * {@code reveal} presses the last reveal offer's button and {@code reveal <offer>} that offer's (the terminal's
 * rendering of a Reveal button is these words: {@link TerminalChat}), a bare {@code approve} / {@code deny} the button of the last approval
 * card shown to the speaker, {@code /as <name>} changes who is speaking, {@code /quit} (or the
 * end of input) leaves. Before each line it waits for background work, so piped scripts read replies in order.
 * When input is not a terminal, each line read is echoed after the prompt, so the output reads as a transcript.
 */
public final class TerminalSession {

    public static final String PLATFORM = "terminal";
    private static final ChatPlace PLACE = ChatPlace.direct("terminal");
    private static final Set<String> CONTROL_WORDS = Set.of("cancel", "help", "status");
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    /** "reveal <offer>": how the terminal's Reveal button of that offer is pressed (it prints these words). */
    private static final java.util.regex.Pattern REVEAL_BUTTON = java.util.regex.Pattern.compile("(?i)reveal\\s+(\\S+)");

    private final ConversationEngine engine;
    private final TerminalChat chat;
    private final BackgroundWork work;
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean echo;
    private final Speaker speaker;
    private java.util.List<String> startNotes = java.util.List.of();
    private java.util.function.Function<ChatEvent, java.util.Optional<String>> earlierConversation =
            event -> java.util.Optional.empty();

    public TerminalSession(ConversationEngine engine, TerminalChat chat, BackgroundWork work, BufferedReader in,
                           PrintStream out, boolean echo, Speaker speaker) {
        this.engine = engine;
        this.chat = chat;
        this.work = work;
        this.in = in;
        this.out = out;
        this.echo = echo;
        this.speaker = speaker;
    }

    /**
     * What the first screen says besides the greeting ({@code notes}: where the master key is and why it matters),
     * and how to describe a conversation the speaker left unfinished in an earlier run (empty when none), so a
     * piped script never silently answers an old question.
     */
    public TerminalSession withStartNotes(java.util.List<String> notes,
                                          java.util.function.Function<ChatEvent, java.util.Optional<String>> earlier) {
        this.startNotes = java.util.List.copyOf(notes);
        this.earlierConversation = earlier;
        return this;
    }

    /** Runs until /quit or the end of input. */
    public void run() throws IOException, InterruptedException {
        out.println("ECA bot, in the terminal. You are " + speaker.current().id() + ". Say \"help\" to see what I can do, "
                + "\"/as <name>\" to speak as someone else, \"/quit\" to leave.");
        startNotes.forEach(out::println);
        earlierConversation.apply(new ChatEvent.Text(who(), PLACE, "")).ifPresent(out::println);
        out.println();
        while (true) {
            String line = readLine(speaker.current().id() + "> ");
            if (line == null || line.equals("/quit") || line.equals("/exit")) break;
            if (line.startsWith("/as")) {
                switchSpeaker(line.substring(3).strip());
                continue;
            }
            engine.handle(toEvent(line));
        }
        work.awaitIdle(LONGEST_WAIT);
    }

    private ChatEvent toEvent(String line) throws IOException, InterruptedException {
        String word = line.toLowerCase(Locale.ROOT);
        if (CONTROL_WORDS.contains(word) || line.startsWith("/")) return new ChatEvent.Text(who(), PLACE, line);
        Optional<RevealOffer> offer = chat.lastOffer(who());
        if (word.equals("reveal") && offer.isPresent()) {
            return new ChatEvent.Choice(who(), PLACE, RevealOffer.PROMPT_ID, offer.get().offerId());
        }
        java.util.regex.Matcher named = REVEAL_BUTTON.matcher(line);
        if (named.matches()) return new ChatEvent.Choice(who(), PLACE, RevealOffer.PROMPT_ID, named.group(1));
        Optional<ApprovalCard> card = chat.lastCard(who());
        if ((word.equals("approve") || word.equals("deny")) && card.isPresent()) {
            // like the card's buttons: bound to the request and fingerprint this person was shown
            return new ChatEvent.Choice(who(), PLACE, ApprovalCard.PROMPT_ID,
                    word.equals("approve") ? card.get().approveValue() : card.get().denyValue());
        }
        Optional<ChatMessage> prompt = chat.pendingPrompt(who());
        if (prompt.isPresent() && prompt.get() instanceof ChoicePrompt c) {
            Optional<String> value = pick(c.options(), line);
            if (value.isPresent()) return new ChatEvent.Choice(who(), PLACE, c.id(), value.get());
        } else if (prompt.isPresent() && prompt.get() instanceof Confirmation c) {
            List<Option> options = List.of(Option.of(Confirmation.CONFIRM, c.confirmLabel()),
                    Option.of(Confirmation.CANCEL, c.cancelLabel()));
            Optional<String> value = pick(options, line);
            if (value.isPresent()) return new ChatEvent.Choice(who(), PLACE, c.id(), value.get());
        } else if (prompt.isPresent() && prompt.get() instanceof FormPrompt form) {
            return new ChatEvent.FormSubmission(who(), PLACE, form.id(), fill(form, pemOrFile(line)));
        }
        return new ChatEvent.Text(who(), PLACE, line);
    }

    /** The first field takes the line already read; further fields are asked one prompt each. */
    private Map<String, String> fill(FormPrompt form, String first) throws IOException, InterruptedException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(form.fields().get(0).id(), first);
        for (FormField field : form.fields().subList(1, form.fields().size())) {
            String line = readLine(PlainText.fieldLine(field) + " ");
            values.put(field.id(), line == null ? "" : pemOrFile(line));
        }
        return values;
    }

    /**
     * A PEM block pasted over several lines is one answer: from "-----BEGIN" on, lines are read up to the
     * "-----END" line. A path to a readable file holding a PEM block (in this terminal the person at the keyboard
     * owns the files) answers with the file's content. Anything else is the line itself.
     */
    private String pemOrFile(String line) throws IOException {
        return pemOrFile(line, in, echo ? out : null);
    }

    /** See {@link #pemOrFile(String)}; {@code echo} (may be null) gets the further lines read. */
    static String pemOrFile(String line, BufferedReader in, PrintStream echo) throws IOException {
        if (line.startsWith("-----BEGIN ")) {
            StringBuilder pem = new StringBuilder(line);
            String next = line;
            while (!next.contains("-----END ")) {
                next = in.readLine();
                if (next == null) break;
                if (echo != null) echo.println(next);
                next = next.strip();
                if (!next.isEmpty()) pem.append('\n').append(next);
            }
            return pem.toString();
        }
        if (line.length() < 1024 && !line.contains("\n") && (line.startsWith("/") || line.startsWith("~/")
                || line.startsWith("./") || line.matches("(?i)\\S+\\.(pem|crt|cer)"))) {
            java.nio.file.Path path = java.nio.file.Path.of(line.startsWith("~/")
                    ? System.getProperty("user.home") + line.substring(1) : line);
            try {
                if (java.nio.file.Files.isRegularFile(path) && java.nio.file.Files.size(path) < 65_536) {
                    String content = java.nio.file.Files.readString(path).strip();
                    if (content.contains("-----BEGIN ")) return content;
                }
            } catch (IOException | RuntimeException e) {
                return line; // not a file we can read: the answer is the text itself, checked as usual
            }
        }
        return line;
    }

    private static Optional<String> pick(List<Option> options, String line) {
        if (line.matches("\\d{1,3}")) {
            int n = Integer.parseInt(line);
            return n >= 1 && n <= options.size() ? Optional.of(options.get(n - 1).value()) : Optional.empty();
        }
        Optional<String> byValue = options.stream().map(Option::value).filter(v -> v.equalsIgnoreCase(line)).findFirst();
        // the label too ("more" for a list's More button, whose value is "page 2")
        return byValue.or(() -> options.stream().filter(o -> o.label().equalsIgnoreCase(line)).map(Option::value).findFirst());
    }

    private void switchSpeaker(String name) {
        if (name.isEmpty() || name.contains(" ")) {
            out.println("Say \"/as <name>\" with one word, e.g. \"/as bob\".");
        } else {
            speaker.switchTo(name);
            out.println("You are now " + speaker.current().id() + ".");
        }
        out.println();
    }

    private String readLine(String prompt) throws IOException, InterruptedException {
        work.awaitIdle(LONGEST_WAIT);
        out.print(prompt);
        out.flush();
        String line = in.readLine();
        if (line != null && echo) out.println(line);
        if (line == null) out.println();
        return line == null ? null : line.strip();
    }

    private ChatUser who() {
        return speaker.current();
    }
}
