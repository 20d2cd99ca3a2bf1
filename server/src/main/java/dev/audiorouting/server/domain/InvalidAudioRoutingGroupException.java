package dev.audiorouting.server.domain;

/**
 * A request breaks a rule of audio routing groups. {@link #field()} names the part at fault, as the
 * contract spells it (for example {@code receivers} or {@code call-id}).
 */
public final class InvalidAudioRoutingGroupException extends RuntimeException {
    private final String field;

    public InvalidAudioRoutingGroupException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
