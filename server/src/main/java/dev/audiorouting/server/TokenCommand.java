package dev.audiorouting.server;

import dev.audiorouting.server.auth.LocalSigningKey;
import dev.audiorouting.server.auth.TokenMinter;
import dev.audiorouting.server.auth.TokenPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code token}: prints an access token signed with the local key, and nothing else, so that scripts can write
 * {@code TOKEN=$(java -jar server/target/audio-routing-server.jar token)}.
 */
@Command(name = "token",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Prints an access token that a server using the local key (no --jwks-url or --jwks-file) "
                + "accepts. Creates the key if there is none yet.%n")
final class TokenCommand implements Callable<Integer> {
    @Mixin
    private LocalTokenOptions trust;

    @Option(names = "--role", paramLabel = "ROLE", split = ",", defaultValue = "Calls.JoinGroupCall.All",
            description = "App role(s) to grant, comma-separated (default ${DEFAULT-VALUE}).")
    private List<String> roles;

    @Option(names = "--tenant", paramLabel = "TENANT", defaultValue = "local",
            description = "The tenant (tid) the token acts in; each tenant sees only its own groups (default ${DEFAULT-VALUE}).")
    private String tenant;

    @Option(names = "--app-id", paramLabel = "ID", defaultValue = "local-app",
            description = "The application (appid) the token is for (default ${DEFAULT-VALUE}).")
    private String appId;

    @Option(names = "--scope", paramLabel = "SCOPES",
            description = "Mint a delegated (user) token with this scp instead, which the server refuses (403).")
    private String scope;

    @Option(names = "--lifetime", paramLabel = "SECONDS", defaultValue = "3600",
            description = "How long the token is valid (default ${DEFAULT-VALUE}).")
    private long lifetimeSeconds;

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (lifetimeSeconds < 1) {
            throw new ParameterException(command.commandLine(), "--lifetime must be at least 1 second");
        }
        if (tenant.isBlank()) {
            throw new ParameterException(command.commandLine(), "--tenant cannot be empty");
        }
        LocalSigningKey key = LocalSigningKey.loadOrCreate(trust.dataDir);
        if (key.created()) {
            // stderr: stdout carries the token alone.
            System.err.println("Created the local signing key " + key.file());
        }
        String audience = trust.audiences == null || trust.audiences.isEmpty() ? TokenPolicy.DEFAULT_AUDIENCE : trust.audiences.get(0);
        String issuer = trust.issuerOrLocal().replace(TokenPolicy.TENANT_PLACEHOLDER, tenant);
        System.out.println(new TokenMinter(key.key()).mint(new TokenMinter.Claims(issuer, audience,
                tenant, appId, roles, scope, Duration.ofSeconds(lifetimeSeconds))));
        return 0;
    }
}
