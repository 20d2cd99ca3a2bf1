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
import java.nio.file.LinkOption;
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
        Files.createDirectories(dataDir, ownerOnly(dataDir, OWNER_ONLY_DIRECTORY));
        requireSafeDirectory(dataDir);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new LocalSigningKey(load(file), file, false);
        }
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

    /**
     * Written beside its final name, then linked there: no other process ever reads half a key, and of two
     * processes creating it at once exactly one wins (a link, unlike a move, fails if the name is taken).
     */
    private static void write(RSAKey key, Path file) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), FILE_NAME, ".partial", ownerOnly(file, OWNER_ONLY_FILE));
        try {
            Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
            Files.createLink(file, partial);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Whoever can read the key can mint tokens, and whoever can replace it can make the server trust theirs. So,
     * as ssh does, a key that is a link, not ours, or open to others is refused.
     */
    private static void requireOwnerOnly(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file (a link?); remove it to create a new key");
        }
        requireOurs(file);
        if (isPosix(file) && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))) {
            throw new IOException(file + " is accessible by other users; restrict it with: chmod 600 " + file);
        }
    }

    /** Others must not be able to plant a key in the data directory. */
    private static void requireSafeDirectory(Path dataDir) throws IOException {
        requireOurs(dataDir);
        if (isPosix(dataDir)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dataDir);
            if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException(dataDir + " is writable by other users; restrict it with: chmod 700 " + dataDir);
            }
        }
    }

    private static void requireOurs(Path path) throws IOException {
        String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new IOException(path + " belongs to " + owner + ", not to " + System.getProperty("user.name"));
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path path, Set<PosixFilePermission> permissions) {
        return isPosix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
