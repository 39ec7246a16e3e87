package dev.ecabot.playbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every loaded playbook, by id, and a finder for free text ("set up vonage" finds vonage-ai-studio).
 * Build one with {@link PlaybookLoader}. Immutable and thread-safe.
 */
public final class PlaybookCatalog {

    private final List<Playbook> playbooks;

    PlaybookCatalog(List<Playbook> playbooks) {
        this.playbooks = playbooks.stream().sorted(Comparator.comparing(Playbook::id)).toList();
    }

    /** Shipped playbooks plus those in {@code ECABOT_PLAYBOOKS_DIR}; throws {@link PlaybookLoadException} if broken. */
    public static PlaybookCatalog load() {
        return new PlaybookLoader().loadFromEnvironment();
    }

    /** All playbooks, sorted by id. */
    public List<Playbook> all() {
        return playbooks;
    }

    public Optional<Playbook> find(String id) {
        return playbooks.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The playbooks free text refers to, best match first: the id itself, then the most words shared with the
     * id, vendor and title (words of three letters or more; case ignored). Empty when nothing matches.
     */
    public List<Playbook> search(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> words = words(lower);
        List<Scored> scored = new ArrayList<>();
        for (Playbook p : playbooks) {
            int score = 0;
            if (words.contains(p.id()) || lower.contains(p.id())) score += 100;
            Set<String> vendorWords = words(p.vendor().toLowerCase(Locale.ROOT));
            Set<String> otherWords = words((p.id() + " " + p.title()).toLowerCase(Locale.ROOT));
            for (String w : words) {
                if (vendorWords.contains(w)) score += 10;
                else if (otherWords.contains(w)) score += 3;
            }
            if (score > 0) scored.add(new Scored(p, score));
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.playbook().id()));
        return scored.stream().map(Scored::playbook).toList();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.split("[^a-z0-9]+")) {
            if (w.length() >= 3) out.add(w);
        }
        return out;
    }

    private record Scored(Playbook playbook, int score) {
    }
}
