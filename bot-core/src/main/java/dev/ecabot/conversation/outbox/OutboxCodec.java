package dev.ecabot.conversation.outbox;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.conversation.message.TextMessage;

/**
 * Writes the neutral messages and addresses as JSON for the outbox table and reads them back: record components
 * only, each message kind named by a fixed tag (a closed list: the sealed {@link ChatMessage} kinds), never a Java
 * class name from the database. A {@code SecretReveal} is not a {@link ChatMessage} and cannot be written here.
 */
final class OutboxCodec {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = TextMessage.class, name = "text"),
            @JsonSubTypes.Type(value = ChoicePrompt.class, name = "choice"),
            @JsonSubTypes.Type(value = FormPrompt.class, name = "form"),
            @JsonSubTypes.Type(value = Summary.class, name = "summary"),
            @JsonSubTypes.Type(value = Confirmation.class, name = "confirmation"),
            @JsonSubTypes.Type(value = ProgressUpdate.class, name = "progress"),
            @JsonSubTypes.Type(value = RevealOffer.class, name = "reveal-offer"),
            @JsonSubTypes.Type(value = ApprovalCard.class, name = "approval-card"),
            @JsonSubTypes.Type(value = FileMessage.class, name = "file")})
    private interface Tagged { }

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .addMixIn(ChatMessage.class, Tagged.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Records: their components, not helper methods that happen to look like getters.
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    String write(ChatMessage message) {
        try {
            return json.writerFor(ChatMessage.class).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a " + message.getClass().getSimpleName() + " to the outbox", e);
        }
    }

    ChatMessage readMessage(String text) {
        try {
            return json.readValue(text, ChatMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox row holds a message this version cannot read: " + e.getOriginalMessage(), e);
        }
    }

    String write(ChatAddress address) {
        try {
            return json.writeValueAsString(address);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an address to the outbox", e);
        }
    }

    ChatAddress readAddress(String text) {
        try {
            return json.readValue(text, ChatAddress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox row holds an address this version cannot read", e);
        }
    }
}
