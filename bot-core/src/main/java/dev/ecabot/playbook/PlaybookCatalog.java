package dev.ecabot.playbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every loaded playbook, by id, and a finder for free text ("set up vonage" finds vonage-ai-studio).
 * Build one with {@link PlaybookLoader}. Immutable and thread-safe.
 */
public final class PlaybookCatalog {

    /** Words that say nothing about which integration is meant. */
    private static final Set<String> EVERYDAY_WORDS = Set.of("the", "and", "for", "with", "our", "you", "please",
            "need", "want", "set", "setup", "create", "new", "app", "apps", "integration", "integrations", "external",
            "client", "clients", "connect", "use", "any", "other", "another", "oauth");

    private final List<Playbook> playbooks;

    PlaybookCatalog(List<Playbook> playbooks) {
        this.playbooks = playbooks.stream().sorted(Comparator.comparing(Playbook::id)).toList();
    }

    /**
     * The shipped playbooks only (tests, benchmarks). The bot loads its catalog with {@link #load(Map)} from the
     * settings' environment, so an admin's ECABOT_PLAYBOOKS_DIR is honoured on every path.
     */
    public static PlaybookCatalog load() {
        return new PlaybookLoader().load(java.util.Optional.empty());
    }

    /** Shipped playbooks plus those in the directory {@code environment} names as ECABOT_PLAYBOOKS_DIR, if any. */
    public static PlaybookCatalog load(Map<String, String> environment) {
        return new PlaybookLoader().loadFromEnvironment(environment);
    }

    /** All playbooks, sorted by id. */
    public List<Playbook> all() {
        return playbooks;
    }

    /** The ids of the playbooks whose file says {@code approval_required: true}: they need an approval in every org. */
    public List<String> idsRequiringApproval() {
        return playbooks.stream().filter(Playbook::approvalRequired).map(Playbook::id).toList();
    }

    public Optional<Playbook> find(String id) {
        return playbooks.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The playbooks free text refers to, best match first: the id itself, then words shared with the vendor (most),
     * the id and title, and the options of its questions (e.g. "Claude" for the MCP client choice). Words of three
     * letters or more, case ignored, everyday words ("app", "integration", "please") ignored. Empty when nothing matches.
     */
    public List<Playbook> search(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> words = words(lower);
        List<Scored> scored = new ArrayList<>();
        for (Playbook p : playbooks) {
            int score = lower.contains(p.id()) ? 100 : 0;
            Set<String> vendor = words(p.vendor());
            Set<String> title = words(p.id() + " " + p.title());
            Set<String> options = new HashSet<>();
            p.questions().forEach(q -> q.options().forEach(o -> options.addAll(words(o.value() + " " + o.label()))));
            for (String w : words) {
                if (vendor.contains(w)) score += 10;
                if (title.contains(w)) score += 3;
                if (options.contains(w)) score += 2;
            }
            if (score > 0) scored.add(new Scored(p, score));
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.playbook().id()));
        return scored.stream().map(Scored::playbook).toList();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() >= 3 && !EVERYDAY_WORDS.contains(w)) out.add(w);
        }
        return out;
    }

    private record Scored(Playbook playbook, int score) {
    }
}
