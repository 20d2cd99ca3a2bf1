package dev.audiorouting.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {
    @TempDir
    Path home;

    @Test
    void isCreatedOnFirstUseReadableByItsOwnerOnly() throws Exception {
        Path dataDir = home.resolve("data");

        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDir);

        assertThat(key.created()).isTrue();
        assertThat(key.file()).isEqualTo(dataDir.resolve(LocalSigningKey.FILE_NAME));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file()))).isEqualTo("rw-------");
        assertThat(key.key().isPrivate()).isTrue();
    }

    @Test
    void isTheSameKeyOnEveryLaterStart() throws Exception {
        LocalSigningKey first = LocalSigningKey.loadOrCreate(home);

        LocalSigningKey again = LocalSigningKey.loadOrCreate(home);

        assertThat(again.created()).isFalse();
        assertThat(again.key()).isEqualTo(first.key());
    }

    @Test
    void isRefusedWhenOtherUsersCanReadIt() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(home);
        Files.setPosixFilePermissions(key.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(home))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void isRefusedWhenItIsALink() throws Exception {
        Path elsewhere = LocalSigningKey.loadOrCreate(home.resolve("elsewhere")).file();
        Path dataDir = Files.createDirectory(home.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(dataDir.resolve(LocalSigningKey.FILE_NAME), elsewhere);

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dataDir)).hasMessageContaining("not a regular file");
    }

    @Test
    void isRefusedInADirectoryOthersCanWriteTo() throws Exception {
        Path shared = Files.createDirectory(home.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(shared)).hasMessageContaining("chmod 700");
    }

    @Test
    void isRefusedWhenItIsNotAPrivateRsaKey() throws Exception {
        Path file = home.resolve(LocalSigningKey.FILE_NAME);
        Files.writeString(file, TestTokens.RSA.toPublicJWK().toJSONString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(home)).hasMessageContaining("does not hold an RSA private key");
    }

    @Test
    void signsTokensThatTheLocalPolicyAcceptsAndNoOtherKeyCanForge() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(home);
        AccessTokenVerifier verifier = new AccessTokenVerifier(TokenPolicy.local(key.trustedKeys()));
        TokenMinter.Claims claims = new TokenMinter.Claims(TokenPolicy.LOCAL_ISSUER, TokenPolicy.DEFAULT_AUDIENCE,
                "local", "local-app", List.of("Calls.JoinGroupCall.All"), null, Duration.ofMinutes(5));

        Caller caller = verifier.verify(new TokenMinter(key.key()).mint(claims));
        String forged = new TokenMinter(TestTokens.rsa(key.key().getKeyID())).mint(claims);

        assertThat(caller).isEqualTo(new Caller("local", "local-app", java.util.Set.of("Calls.JoinGroupCall.All"), false));
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void mintsDelegatedTokensOnRequest() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(home);
        TokenMinter.Claims claims = new TokenMinter.Claims(TokenPolicy.LOCAL_ISSUER, TokenPolicy.DEFAULT_AUDIENCE,
                "local", "local-app", List.of("Calls.JoinGroupCall.All"), "Calls.Read", Duration.ofMinutes(5));

        Caller caller = new AccessTokenVerifier(TokenPolicy.local(key.trustedKeys())).verify(new TokenMinter(key.key()).mint(claims));

        assertThat(caller.delegated()).isTrue();
        assertThat(caller.roles()).isEmpty();
    }
}
