package dev.audiorouting.server.domain;

/** The rule shared by every identifier: a non-empty string of at most {@link Limits#MAX_ID_LENGTH} code points. */
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
    }
}
