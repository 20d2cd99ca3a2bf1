package dev.audiorouting.server.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The generator turns {@code uniqueItems: true} arrays into {@code Set}s, and Jackson would silently merge
 * duplicates into them. This module makes such arrays refuse duplicates instead, with a
 * {@link DuplicateItemException} naming the repeated item.
 */
final class UniqueItemsModule extends SimpleModule {

    UniqueItemsModule() {
        super("UniqueItemsModule");
        addDeserializer(Set.class, new UniqueItemsDeserializer(null));
        addDeserializer(LinkedHashSet.class, new UniqueItemsDeserializer(null));
    }

    @SuppressWarnings("rawtypes")
    private static final class UniqueItemsDeserializer extends StdDeserializer<LinkedHashSet>
            implements ContextualDeserializer {
        private final JavaType listType;

        UniqueItemsDeserializer(JavaType listType) {
            super(LinkedHashSet.class);
            this.listType = listType;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            JavaType itemType = context.getContextualType().getContentType();
            return new UniqueItemsDeserializer(context.getTypeFactory().constructCollectionType(ArrayList.class, itemType));
        }

        @Override
        public LinkedHashSet<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            List<?> items = context.readValue(parser, listType);
            LinkedHashSet<Object> unique = new LinkedHashSet<>();
            for (Object item : items) {
                // A null item is the domain's to refuse ("ids cannot be null"), not a duplicate.
                if (!unique.add(item) && item != null) {
                    throw new DuplicateItemException(parser, item, LinkedHashSet.class);
                }
            }
            return unique;
        }
    }
}
