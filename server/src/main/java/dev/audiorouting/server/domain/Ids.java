package dev.audiorouting.server.domain;

/**
 * The rule shared by every identifier: a non-empty string of at most {@link Limits#MAX_ID_LENGTH} code points,
 * without control characters or unpaired surrogates. Databases cannot store some of those (PostgreSQL refuses
 * NUL, and would turn a lone surrogate into '?'), and none of them belongs in an id.
 */
final class Ids {
    private Ids() {
    }

    static void requireValid(String field, String id) {
        if (id == null) {
            throw new InvalidAudioRoutingGroupException(field, "ids cannot be null");
        }
        if (id.isEmpty()) {
            throw new InvalidAudioRoutingGroupException(field, "ids cannot be empty");
        }
        int length = id.codePointCount(0, id.length());
        if (length > Limits.MAX_ID_LENGTH) {
            throw new InvalidAudioRoutingGroupException(field,
                    "ids are at most " + Limits.MAX_ID_LENGTH + " characters, found " + length);
        }
        if (id.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new InvalidAudioRoutingGroupException(field, "ids cannot contain control characters");
        }
        if (hasUnpairedSurrogate(id)) {
            throw new InvalidAudioRoutingGroupException(field, "ids must be valid Unicode (an unpaired surrogate was found)");
        }
    }

    /**
     * The rule of ids that appear in URLs (call ids, group ids): also without {@code /}, {@code \\} or {@code %},
     * and not {@code .} or {@code ..}, which no URL can carry as one path segment (servers refuse or resolve
     * them), so a group with such an id could be created but never read or deleted.
     */
    static void requireAddressable(String field, String id) {
        requireValid(field, id);
        if (id.equals(".") || id.equals("..")) {
            throw new InvalidAudioRoutingGroupException(field, "'" + id + "' cannot be an id, since it cannot appear in a URL");
        }
        if (id.chars().anyMatch(c -> c == '/' || c == '\\' || c == '%')) {
            throw new InvalidAudioRoutingGroupException(field, "ids cannot contain '/', '\\' or '%', since they appear in URLs");
        }
    }

    private static boolean hasUnpairedSurrogate(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
