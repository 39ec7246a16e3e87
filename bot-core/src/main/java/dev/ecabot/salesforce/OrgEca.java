package dev.ecabot.salesforce;

import dev.ecabot.eca.EcaComponentType;
import dev.ecabot.eca.EcaMetadataReader;
import dev.ecabot.eca.RetrievedEca;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.eca.MetadataPackage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One External Client App as read back from an org: the app record and its metadata components (the app itself
 * and whichever of the four companion types exist), each as a standalone metadata document.
 */
public record OrgEca(OrgApp app, Map<EcaComponentType, MetadataSoapApi.Read> components) {

    public OrgEca {
        components = Map.copyOf(components);
    }

    public Optional<MetadataSoapApi.Read> component(EcaComponentType type) {
        return Optional.ofNullable(components.get(type));
    }

    /**
     * The app's settings (and consumer key when Salesforce returned it) as {@link EcaMetadataReader} reads them;
     * missing companions count as Salesforce's defaults. Empty if the app record itself could not be read.
     */
    public Optional<RetrievedEca> settings() {
        if (!components.containsKey(EcaComponentType.APP)) return Optional.empty();
        return new EcaMetadataReader().readApp(asPackage(), app.apiName());
    }

    /** Each component's standalone metadata document, by type. */
    public Map<EcaComponentType, byte[]> documents() {
        Map<EcaComponentType, byte[]> out = new java.util.EnumMap<>(EcaComponentType.class);
        components.forEach((type, read) -> out.put(type, read.document()));
        return out;
    }

    /**
     * Every field the org holds that the bot does not manage (e.g. {@code ExtlClntAppGlobalOauthSettings.isDPopEnabled},
     * {@code ExtlClntAppOauthConfigurablePolicies.apexHandler}), keyed "Type.element"; never a secret or generated id.
     */
    public Map<String, String> unmanagedFields() {
        return dev.ecabot.eca.UnmanagedElements.ofAll(documents());
    }

    /** The components as a metadata package in Metadata API layout, e.g. for EcaMetadataReader. */
    public MetadataPackage asPackage() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        components.forEach((type, read) -> files.put(type.path(read.fullName(), MetadataFormat.METADATA_API), read.document()));
        return new MetadataPackage(files);
    }
}
