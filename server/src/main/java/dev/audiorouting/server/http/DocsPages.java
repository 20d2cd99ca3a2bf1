package dev.audiorouting.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /docs/}: Swagger UI on {@code /openapi.json}, entirely from this jar (our page and initializer, the
 * swagger-ui webjar's scripts and styles), with a Content-Security-Policy that lets the page load nothing from
 * anywhere else. {@code /docs} redirects to {@code /docs/}.
 */
public final class DocsPages {
    public static final String PATH = "/docs";
    /** Swagger UI sets inline styles, and its icons are data: URIs; scripts come from this server only. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";

    private DocsPages() {
    }

    public static ContextHandler handler() {
        ContextHandler docs = new ContextHandler(PATH);
        docs.setHandler(new SecurityHeaders(new ClasspathFiles(List.of("docs/", WEBJAR))));
        return docs;
    }

    /** The webjar's version, as Maven wrote it into the jar, so the pom alone decides it. */
    private static String swaggerUiVersion() {
        try (var in = DocsPages.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (Exception e) {
            throw new IllegalStateException("the swagger-ui webjar is missing", e);
        }
    }

    private static final class SecurityHeaders extends Handler.Wrapper {
        SecurityHeaders(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            return super.handle(request, response, callback);
        }
    }

    /**
     * Files read through the class loader, which already has this jar open. Jetty's ResourceHandler would mount
     * the whole jar as a file system first, a tenth of the start-up time for a page few people open.
     */
    private static final class ClasspathFiles extends Handler.Abstract.NonBlocking {
        private final List<String> folders;
        /** Only files found: a map of every name asked for would grow without bound. */
        private final Map<String, byte[]> files = new ConcurrentHashMap<>();

        ClasspathFiles(List<String> folders) {
            this.folders = folders;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            String name = path.equals("/") ? "index.html" : path.substring(1);
            boolean head = HttpMethod.HEAD.is(request.getMethod());
            if (!(head || HttpMethod.GET.is(request.getMethod())) || name.contains("..") || name.endsWith("/")) {
                return false;
            }
            Optional<byte[]> file = Optional.ofNullable(files.get(name)).or(() -> read(name));
            if (file.isEmpty()) {
                return false;
            }
            files.putIfAbsent(name, file.get());
            response.setStatus(200);
            String type = request.getContext().getMimeTypes().getMimeByExtension(name);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type == null ? "application/octet-stream" : type);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(file.get()), callback);
            return true;
        }

        private Optional<byte[]> read(String name) {
            for (String folder : folders) {
                try (InputStream in = DocsPages.class.getClassLoader().getResourceAsStream(folder + name)) {
                    if (in != null) {
                        return Optional.of(in.readAllBytes());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + folder + name, e);
                }
            }
            return Optional.empty();
        }
    }
}
