package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.eca.MetadataPackage;
import dev.ecabot.playbook.Rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * "render" at the confirmation: the metadata files a deploy of the summary would send (package.xml and one file per
 * ECA type, in the org's API version), one file message each, for admins who want to read them before creating the
 * app. The files hold no secret (a certificate is public; keys and secrets are Salesforce's to generate). Stateless.
 */
final class MetadataPreview {

    private MetadataPreview() {
    }

    static List<ChatMessage> of(Rendering rendered, String apiVersion) {
        MetadataPackage pkg = new EcaMetadataWriter(apiVersion, MetadataFormat.METADATA_API).write(rendered.spec());
        List<ChatMessage> files = new ArrayList<>();
        int n = 0;
        for (String path : pkg.paths()) {
            n++;
            files.add(new FileMessage(path, "application/xml", pkg.text(path), "File " + n + " of " + pkg.paths().size()
                    + " of what I would deploy for " + rendered.spec().apiName() + " (API " + apiVersion + ")"));
        }
        return files;
    }
}
