package dev.audiorouting.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The {@code $skiptoken} of an {@code @odata.nextLink}, to ask for the next page. */
final class SkipTokens {
    private static final String PARAMETER = "$skiptoken=";

    private SkipTokens() {
    }

    /** @return the token, or {@code null} when there is no next page */
    static String of(URI nextLink) {
        if (nextLink == null || nextLink.getRawQuery() == null) {
            return null;
        }
        for (String parameter : nextLink.getRawQuery().split("&")) {
            String decoded = URLDecoder.decode(parameter, StandardCharsets.UTF_8);
            if (decoded.startsWith(PARAMETER)) {
                return decoded.substring(PARAMETER.length());
            }
        }
        return null;
    }
}
