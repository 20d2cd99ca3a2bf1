package dev.audiorouting.server;

import dev.audiorouting.server.auth.TokenPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** What the server and {@code token} must agree on: where the local key lives, and the issuer and audience. */
final class LocalTokenOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:AUDIO_ROUTING_DATA_DIR:-data}",
            description = "Directory of the server's own files, created owner-only; the local signing key lives here "
                    + "(env AUDIO_ROUTING_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--issuer", paramLabel = "URL", defaultValue = "${env:AUDIO_ROUTING_ISSUER}",
            description = "The tokens' expected iss; {tenantid} stands for the token's tid "
                    + "(env AUDIO_ROUTING_ISSUER; with the local key, default " + TokenPolicy.LOCAL_ISSUER + ").")
    String issuer;

    @Option(names = "--audience", paramLabel = "AUD", split = ",", defaultValue = "${env:AUDIO_ROUTING_AUDIENCE}",
            description = "The accepted aud values, comma-separated "
                    + "(env AUDIO_ROUTING_AUDIENCE; with the local key, default " + TokenPolicy.DEFAULT_AUDIENCE + ").")
    List<String> audiences;

    String issuerOrLocal() {
        return issuer == null ? TokenPolicy.LOCAL_ISSUER : issuer;
    }

    Set<String> audiencesOrDefault() {
        return audiences == null || audiences.isEmpty() ? Set.of(TokenPolicy.DEFAULT_AUDIENCE) : Set.copyOf(audiences);
    }
}
