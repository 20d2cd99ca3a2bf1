package dev.audiorouting.server.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;

/** Hands Jersey's Jackson provider the server's one {@link ObjectMapper} (see {@link ApiJson}). */
public final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {
    private final ObjectMapper json;

    public ObjectMapperResolver(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return json;
    }
}
