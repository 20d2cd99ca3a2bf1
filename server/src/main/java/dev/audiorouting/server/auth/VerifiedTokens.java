package dev.audiorouting.server.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tokens already verified, so that a client sending the same token again (as every SDK does until it expires)
 * costs a map lookup instead of a signature check. An entry is used only inside the token's own validity window
 * (nbf and exp, with the policy's clock skew), so a cached token expires exactly as an uncached one; the cache
 * is bounded, and simply emptied when full.
 */
final class VerifiedTokens {
    static final int MAX_ENTRIES = 10_000;

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The caller of a token verified before and still within its validity window. */
    Optional<Caller> get(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isBefore(entry.validFrom()) || now.isAfter(entry.validUntil())) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /** Remembers a token that was just verified, valid from {@code validFrom} until {@code validUntil}. */
    void put(String token, Caller caller, Instant validFrom, Instant validUntil) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(token, new Entry(caller, validFrom, validUntil));
    }

    private record Entry(Caller caller, Instant validFrom, Instant validUntil) {
    }
}
