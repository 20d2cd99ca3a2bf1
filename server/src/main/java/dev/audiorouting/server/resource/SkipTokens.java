package dev.audiorouting.server.resource;

import dev.audiorouting.server.domain.InvalidAudioRoutingGroupException;

/**
 * {@code $skiptoken}: where the next page of a list starts. Opaque to clients (they follow
 * {@code @odata.nextLink}); today it is the store position of the last group of the previous page.
 */
final class SkipTokens {
    private SkipTokens() {
    }

    static String of(long after) {
        return Long.toString(after, 36);
    }

    /** @return where the page starts: {@code 0} for the first page */
    static long parse(String token) {
        if (token == null) {
            return 0;
        }
        try {
            long after = Long.parseLong(token, 36);
            if (after > 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidAudioRoutingGroupException("$skiptoken", "not a token this server gave; follow @odata.nextLink");
    }
}
