package dev.audiorouting.server.resource;

import dev.audiorouting.server.domain.InvalidAudioRoutingGroupException;
import dev.audiorouting.server.domain.Precondition;
import java.util.HashSet;
import java.util.Set;

/** Entity tags on the wire (RFC 9110): {@code ETag: "tag"} out, {@code If-Match} in. */
final class EntityTags {
    /** As openapi.yaml declares: more tags than anyone reads at once. */
    private static final int MAX_LENGTH = 1024;

    private EntityTags() {
    }

    static String quote(String etag) {
        return '"' + etag + '"';
    }

    /**
     * What an {@code If-Match} header requires. {@code *} (or no header) requires only that the group exists. Weak
     * tags ({@code W/"..."}) never match, since If-Match compares strongly; unquoted tags are taken as they are,
     * for clients that forget the quotes.
     */
    static Precondition ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Precondition.NONE;
        }
        if (header.length() > MAX_LENGTH) {
            throw new InvalidAudioRoutingGroupException("If-Match", "at most " + MAX_LENGTH + " characters");
        }
        Set<String> etags = new HashSet<>();
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (!tag.startsWith("W/")) {
                etags.add(tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag);
            }
        }
        return Precondition.etagIn(etags);
    }
}
