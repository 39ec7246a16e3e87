package dev.ecabot.inventory;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.Question;
import dev.ecabot.playbook.QuestionType;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.eca.EcaSpecDiff;
import dev.ecabot.eca.SettingDifference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which playbook an app found in an org was most likely made with: each playbook is rendered with the app's own name,
 * API name, contact email and callback URLs (other questions at their defaults), and its OAuth settings and policies
 * compared with the app's. The playbook with the fewest differences wins when it has at most
 * {@link #NEARLY} of them (0: an exact copy). The app's identity (name, description, contact) is never compared.
 * Stateless and thread-safe.
 */
public final class PlaybookMatch {

    /** The most differences a match may have and still count ("nearly" the playbook's rendering). */
    public static final int NEARLY = 2;

    /** The playbook matched and the settings where the app differs from its rendering (empty: an exact copy). */
    public record Match(Playbook playbook, List<SettingDifference> differences) {
        public boolean exact() {
            return differences.isEmpty();
        }
    }

    private final PlaybookCatalog catalog;
    private final PlaybookRenderer renderer = new PlaybookRenderer();

    public PlaybookMatch(PlaybookCatalog catalog) {
        this.catalog = catalog;
    }

    /** A playbook by id, in any case. */
    public Optional<Playbook> find(String id) {
        return catalog.all().stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst();
    }

    public Optional<Match> best(EcaSpec inOrg) {
        List<Match> candidates = new ArrayList<>();
        for (Playbook playbook : catalog.all()) {
            Map<String, String> answers = new HashMap<>();
            for (Question q : playbook.questions()) {
                String id = q.id().toLowerCase(Locale.ROOT);
                if (id.equals("app_name")) answers.put(q.id(), inOrg.app().label());
                else if (q.type() == QuestionType.API_NAME || id.equals("api_name")) answers.put(q.id(), inOrg.apiName());
                else if (id.contains("email") && inOrg.app().contactEmail() != null) {
                    answers.put(q.id(), inOrg.app().contactEmail());
                } else if (id.contains("callback") && !inOrg.globalOauth().callbackUrls().isEmpty()) {
                    answers.put(q.id(), q.type().isList() ? String.join("\n", inOrg.globalOauth().callbackUrls())
                            : inOrg.globalOauth().callbackUrls().get(0));
                }
            }
            Optional<Rendering> rendered;
            try {
                rendered = renderer.render(playbook, answers).value();
            } catch (RuntimeException e) {
                continue; // a playbook that cannot render from these answers is no candidate
            }
            if (rendered.isEmpty()) continue;
            List<SettingDifference> differences = EcaSpecDiff.between(inOrg, rendered.get().spec()).stream()
                    .filter(d -> !d.setting().startsWith("app.")).toList();
            if (differences.size() <= NEARLY) candidates.add(new Match(playbook, differences));
        }
        return candidates.stream().min(Comparator.comparingInt((Match m) -> m.differences().size()));
    }
}
