package dev.audiorouting.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /openapi.yaml}: the exact contract this server was built from (the build copies it into the jar), and
 * {@code /openapi.json}: the same document as JSON, for tools and the docs page. No token needed: the
 * contract is public.
 */
public final class SpecDocuments extends Handler.Abstract {
    /** Where the build puts openapi.yaml in the jar. */
    static final String RESOURCE = "openapi/openapi.yaml";

    private final byte[] yaml;
    /** Made on first request: converting took a twentieth of the start-up time. */
    private volatile Document json;

    private SpecDocuments(byte[] yaml) {
        this.yaml = yaml;
    }

    /** Reads the contract from the jar, once. */
    public static SpecDocuments fromClasspath() {
        try (InputStream in = SpecDocuments.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new SpecDocuments(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Document document = document(Request.getPathInContext(request));
        if (document == null || !(HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod()))) {
            return false;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, document.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(document.bytes()), callback);
        return true;
    }

    private Document document(String path) {
        return switch (path) {
            case "/openapi.yaml" -> new Document(yaml, "application/yaml; charset=utf-8");
            case "/openapi.json" -> json();
            default -> null;
        };
    }

    private Document json() {
        Document converted = json;
        if (converted == null) {
            try {
                converted = new Document(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(new YAMLMapper().readTree(yaml)),
                        "application/json");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot convert " + RESOURCE + " to JSON", e);
            }
            json = converted;
        }
        return converted;
    }

    private record Document(byte[] bytes, String contentType) {
    }
}
