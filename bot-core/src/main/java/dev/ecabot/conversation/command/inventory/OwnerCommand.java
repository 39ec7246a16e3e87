package dev.ecabot.conversation.command.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.AppOwners;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code owner <api-name> [org] @someone} (admins): makes someone the owner of an app, who then gets its
 * reminders, digest lines and posture findings; audited. {@code owner} alone lists the apps nobody owns (imported
 * by {@code sync}). Thread-safe.
 */
public final class OwnerCommand implements ChatCommand {

    /** Slack's raw mention {@code <@U123>} or {@code <@U123|name>}, a typed {@code @id}, or {@code platform:id}. */
    private static final Pattern MENTION = Pattern.compile("^<@([A-Za-z0-9._:-]+)(\\|[^>]*)?>$|^@([^\\s@]+)$");

    private final InventoryAppRepository inventory;
    private final AppOwners owners;
    private final OwnerChange change;

    public OwnerCommand(InventoryAppRepository inventory, AppOwners owners, OwnerChange change) {
        this.inventory = inventory;
        this.owners = owners;
        this.change = change;
    }

    @Override
    public String name() {
        return "owner";
    }

    @Override
    public String usage() {
        return "owner [<api-name> [org] @someone]";
    }

    @Override
    public String summary() {
        return "make someone the owner of an app; alone: the apps nobody owns";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        if (words.isEmpty()) {
            listOwnerless(call);
            return;
        }
        if (words.size() < 2 || words.size() > 3) {
            call.replies().warn("Say \"owner <api-name> @someone\" (add the org before @someone if several have the "
                    + "name), e.g. \"owner Vonage_Prod @alice\"; \"owner\" alone lists the apps nobody owns.");
            return;
        }
        Optional<ChatUserRef> who = person(words.get(words.size() - 1), call.event().user().platform());
        if (who.isEmpty()) {
            call.replies().warn("\"" + words.get(words.size() - 1) + "\" is not a person: mention them (@alice) or write "
                    + "platform:userId (e.g. slack:U024BE7LH).");
            return;
        }
        Optional<InventoryApp> app = new AppLookup(inventory).find("owner", words.get(0),
                words.size() == 3 ? words.get(1) : null, call.replies());
        if (app.isEmpty()) return;
        ChatUserRef by = new ChatUserRef(call.event().user().platform(), call.event().user().id());
        change.make(app.get(), who.get(), by, call.replies());
    }

    private void listOwnerless(CommandCall call) {
        List<InventoryApp> ownerless = owners.ownerless(inventory.all());
        if (ownerless.isEmpty()) {
            call.replies().say("Every app in the inventory has an owner.");
            return;
        }
        List<Fact> facts = ownerless.stream().map(a -> new Fact(a.org(), a.apiName(),
                a.label() + " (" + a.status().label() + ")")).toList();
        call.replies().send(new Summary(ownerless.size() + " app(s) nobody owns (imported by sync):", facts, List.of(),
                List.of("Say \"owner <api-name> @someone\" to assign one.")));
    }

    /** True for {@code slack:U1}, {@code teams:29:...}, {@code terminal:bob} (a Teams id alone also has colons). */
    private static boolean namesPlatform(String id) {
        return id.matches("(?i)(slack|teams|terminal):.+");
    }

    /** The person a word names, on {@code platform} unless it says {@code platform:id}. */
    public static Optional<ChatUserRef> person(String word, String platform) {
        Matcher m = MENTION.matcher(word);
        if (m.matches()) {
            String id = m.group(1) != null ? m.group(1) : m.group(3);
            return Optional.of(namesPlatform(id) ? ChatUserRef.parse(id) : new ChatUserRef(platform, id));
        }
        if (namesPlatform(word)) {
            try {
                return Optional.of(ChatUserRef.parse(word));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
