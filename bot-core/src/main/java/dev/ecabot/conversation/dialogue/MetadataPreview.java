package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.eca.MetadataPackage;
import dev.ecabot.playbook.Rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * The metadata files a deploy of an app would send (package.xml and one file per ECA type, in the org's API
 * version), one file message each, for admins who want to read them first: "render" at a new app's confirmation and
 * the {@code render} command. The files hold no secret (a certificate is public; keys and secrets are Salesforce's
 * to generate). Where a platform shows only the first lines of a long file, {@code wholeCopy} says where the whole
 * file can be had. Stateless.
 */
public final class MetadataPreview {

    /** Where the whole files can be had, for a chat platform that cuts long ones. */
    static final String CLI_COPY = "the terminal chat (`ecabot chat`) shows every file whole, and"
            + " `ecabot render <playbook> --set question=answer --out <dir>` writes them to disk.";

    private MetadataPreview() {
    }

    static List<ChatMessage> of(Rendering rendered, String apiVersion) {
        return of(rendered.spec(), apiVersion, CLI_COPY);
    }

    public static List<ChatMessage> of(EcaSpec spec, String apiVersion, String wholeCopy) {
        MetadataPackage pkg = new EcaMetadataWriter(apiVersion, MetadataFormat.METADATA_API).write(spec);
        List<ChatMessage> files = new ArrayList<>();
        int n = 0;
        for (String path : pkg.paths()) {
            n++;
            files.add(new FileMessage(path, "application/xml", pkg.text(path), "File " + n + " of " + pkg.paths().size()
                    + " of what I would deploy for " + spec.apiName() + " (API " + apiVersion + ")", wholeCopy));
        }
        return files;
    }
}
