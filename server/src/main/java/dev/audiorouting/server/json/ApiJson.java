package dev.audiorouting.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.audiorouting.api.model.AudioRoutingGroup;
import dev.audiorouting.api.model.AudioRoutingGroupCollection;
import dev.audiorouting.api.model.AudioRoutingGroupUpdate;
import dev.audiorouting.api.model.MainError;
import dev.audiorouting.api.model.RoutingMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/** The one JSON configuration of the server: strict when reading requests, terse when writing responses. */
public final class ApiJson {
    private ApiJson() {
    }

    /**
     * Reads and writes a group once, so that the first request does not wait for Jackson to build its readers
     * and writers (a fifth of the time to the first answer). Run it beside the start-up's other work.
     */
    public static void prepare(ObjectMapper mapper) {
        try {
            AudioRoutingGroup group = new AudioRoutingGroup().id("warm-up").routingMode(RoutingMode.MULTICAST)
                    .sources(Set.of("a")).receivers(Set.of("b"));
            mapper.readValue(mapper.writeValueAsBytes(group), AudioRoutingGroup.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the JSON configuration cannot read what it writes", e);
        }
    }

    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                // What the schema forbids fails here, with the path of the offending field.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // 5 or true is not a string: no silent coercion of scalars.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addMixIn(AudioRoutingGroup.class, AudioRoutingGroupRules.class)
                .addMixIn(AudioRoutingGroupUpdate.class, AudioRoutingGroupUpdateRules.class)
                .addMixIn(AudioRoutingGroupCollection.class, CollectionOrder.class)
                .addMixIn(MainError.class, MainErrorOrder.class)
                // Missing fields arrive as null and the domain names them; Jackson's own "required" check
                // would answer first with a message that names Java types.
                .annotationIntrospector(new IgnoreRequiredMarkers())
                .addModule(new UniqueItemsModule())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /**
     * Written in the order Graph writes it. The optional properties are not nullable: an explicit null is
     * refused with the field's path (a null required property is reported as missing, by the domain).
     */
    @JsonPropertyOrder({"@odata.type", "@odata.etag", "id", "routingMode", "sources", "receivers"})
    private abstract static class AudioRoutingGroupRules {
        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setId(String id);

        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setAtOdataType(AudioRoutingGroup.AtOdataTypeEnum type);
    }

    /** In a change, null would be ambiguous (remove? keep?): every property is a value or absent. */
    private abstract static class AudioRoutingGroupUpdateRules {
        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setAtOdataType(AudioRoutingGroupUpdate.AtOdataTypeEnum type);

        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setAtOdataEtag(String etag);

        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setId(String id);

        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setRoutingMode(RoutingMode mode);

        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setSources(Set<String> sources);

        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setReceivers(Set<String> receivers);
    }

    /** Graph writes the link to the next page before the page. */
    @JsonPropertyOrder({"@odata.nextLink", "value"})
    private interface CollectionOrder {
    }

    /** Written in the order Graph writes it. */
    @JsonPropertyOrder({"code", "message", "target", "details", "innerError"})
    private interface MainErrorOrder {
    }

    private static final class IgnoreRequiredMarkers extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasRequiredMarker(AnnotatedMember member) {
            return null;
        }
    }
}
