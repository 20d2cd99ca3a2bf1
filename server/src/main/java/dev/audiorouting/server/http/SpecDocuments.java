package dev.audiorouting.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
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

    private final Map<String, Document> documents;

    private SpecDocuments(byte[] yaml, byte[] json) {
        this.documents = Map.of(
                "/openapi.yaml", new Document(yaml, "application/yaml; charset=utf-8"),
                "/openapi.json", new Document(json, "application/json"));
    }

    /** Reads the contract from the jar, once. */
    public static SpecDocuments fromClasspath() {
        try (InputStream in = SpecDocuments.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            byte[] yaml = in.readAllBytes();
            byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(new YAMLMapper().readTree(yaml));
            return new SpecDocuments(yaml, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Document document = documents.get(Request.getPathInContext(request));
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

    private record Document(byte[] bytes, String contentType) {
    }
}
