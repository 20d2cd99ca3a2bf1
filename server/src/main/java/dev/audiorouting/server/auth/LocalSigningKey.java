package dev.audiorouting.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;

/**
 * The key of zero-configuration mode: an RSA key pair in the data directory, created on first use and readable
 * by its owner only. The server trusts its public half; {@code token} signs with it.
 *
 * @param key     the key pair
 * @param file    where it is kept
 * @param created whether this call created it
 */
public record LocalSigningKey(RSAKey key, Path file, boolean created) {
    public static final String FILE_NAME = "local-signing-key.json";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /**
     * Loads the key from {@code dataDir}, creating the directory and the key if there is none yet.
     *
     * @throws IOException if the key cannot be read or written, or its file is open to other users
     */
    public static LocalSigningKey loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return new LocalSigningKey(load(file), file, false);
        }
        Files.createDirectories(dataDir, ownerOnly(dataDir, OWNER_ONLY_DIRECTORY));
        try {
            RSAKey key = generate();
            write(key, file);
            return new LocalSigningKey(key, file, true);
        } catch (FileAlreadyExistsException racedByAnotherProcess) {
            return new LocalSigningKey(load(file), file, false);
        }
    }

    /** The public half, the only key the server trusts in local mode. */
    public TrustedKeys trustedKeys() {
        return TrustedKeys.of(new JWKSet(key), "the local key in " + file);
    }

    private static RSAKey load(Path file) throws IOException {
        requireOwnerOnly(file);
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (jwk instanceof RSAKey rsa && rsa.isPrivate()) {
                return rsa;
            }
            throw new IOException(file + " does not hold an RSA private key");
        } catch (ParseException e) {
            throw new IOException(file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static RSAKey generate() throws IOException {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            // The RFC 7638 thumbprint: a kid that is stable and says nothing but which key this is.
            return new RSAKey.Builder(key).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IOException("cannot generate a signing key: " + e.getMessage(), e);
        }
    }

    /** Written beside its final name, then moved there: no other process ever reads half a key. */
    private static void write(RSAKey key, Path file) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), FILE_NAME, ".partial", ownerOnly(file, OWNER_ONLY_FILE));
        try {
            Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(partial, file);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Whoever can read the key can mint tokens, so a key others may read is refused, as ssh refuses such keys. */
    private static void requireOwnerOnly(Path file) throws IOException {
        if (isPosix(file) && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(file))) {
            throw new IOException(file + " is accessible by other users; restrict it with: chmod 600 " + file);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path path, Set<PosixFilePermission> permissions) {
        return isPosix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
