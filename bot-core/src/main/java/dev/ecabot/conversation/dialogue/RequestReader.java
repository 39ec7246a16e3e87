package dev.ecabot.conversation.dialogue;

import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads which playbook and which org someone named: in the words of {@code new vonage demo} (any order, ids or
 * vendor words), or in free text ("I need a Vonage app in prod"), where only a playbook id or a vendor word
 * counts; words that merely appear in a title ("app", "integration") do not start anything. Thread-safe.
 */
final class RequestReader {

    /** What was named: a playbook and an org (each null when not named), and the words that named nothing. */
    record Named(Playbook playbook, String org, List<String> unknownWords) {
        boolean isEmpty() {
            return playbook == null && org == null;
        }
    }

    private final PlaybookCatalog catalog;
    private final OrgDirectory orgs;

    RequestReader(PlaybookCatalog catalog, OrgDirectory orgs) {
        this.catalog = catalog;
        this.orgs = orgs;
    }

    /** The arguments of {@code new}: each word is an org, a playbook (id or best search match), or unknown. */
    Named fromWords(List<String> words) {
        Playbook playbook = null;
        String org = null;
        List<String> unknown = new ArrayList<>();
        for (String word : words) {
            Optional<String> orgName = orgs.find(word);
            Optional<Playbook> named = catalog.find(word.toLowerCase(Locale.ROOT))
                    .or(() -> catalog.search(word).stream().findFirst());
            if (org == null && orgName.isPresent()) org = orgName.get();
            else if (playbook == null && named.isPresent()) playbook = named.get();
            else unknown.add(word);
        }
        return new Named(playbook, org, unknown);
    }

    /** Free text: the playbook it names by id or vendor, and the first org named as a whole word. */
    Named fromText(String text) {
        Set<String> words = wordsOf(text);
        Playbook playbook = catalog.search(text).stream()
                .filter(p -> words.contains(p.id())
                        || wordsOf(p.vendor()).stream().anyMatch(v -> v.length() >= 3 && words.contains(v)))
                .findFirst().orElse(null);
        String org = Arrays.stream(text.split("[^\\p{L}\\p{N}_-]+"))
                .map(orgs::find).flatMap(Optional::stream).findFirst().orElse(null);
        return new Named(playbook, org, List.of());
    }

    /** A playbook picked from a list: by id, else the best search match. */
    Optional<Playbook> playbook(String idOrWords) {
        return catalog.find(idOrWords).or(() -> catalog.search(idOrWords).stream().findFirst());
    }

    private static Set<String> wordsOf(String text) {
        return new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")));
    }
}
