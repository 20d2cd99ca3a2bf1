package dev.audiorouting.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract and its docs, served beside the API without a token: the exact openapi.yaml, the same as JSON,
 * and Swagger UI entirely from the jar. These are not API operations, so they are checked here, not against
 * the spec.
 */
@ExtendWith(RunningServer.class)
class DocsContractTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REFERENCES = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    private static HttpResponse<byte[]> get(ServerUnderTest server, String path) throws Exception {
        URI root = URI.create(server.baseUri().toString().replace("/beta", ""));
        return HTTP.send(HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void openapiYamlIsTheExactFileTheServerWasBuiltFrom(ServerUnderTest server) throws Exception {
        HttpResponse<byte[]> response = get(server, "/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml; charset=utf-8");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(Spec.file()));
    }

    @Test
    void openapiJsonIsTheSameDocument(ServerUnderTest server) throws Exception {
        HttpResponse<byte[]> response = get(server, "/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new ObjectMapper().readTree(response.body())).isEqualTo(new YAMLMapper().readTree(Spec.file().toFile()));
    }

    @Test
    void docsRedirectToTheirFolder(ServerUnderTest server) throws Exception {
        HttpResponse<byte[]> response = get(server, "/docs");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/docs/"));
    }

    @Test
    void docsLoadEverythingFromThisServerAndNothingFromElsewhere(ServerUnderTest server) throws Exception {
        HttpResponse<byte[]> page = get(server, "/docs/");
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self'").doesNotContain("http"));
        List<String> references = REFERENCES.matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(references).isNotEmpty().allSatisfy(reference -> assertThat(reference).startsWith("./"));
        for (String reference : references) {
            assertThat(get(server, "/docs/" + reference.substring(2)).statusCode()).as(reference).isEqualTo(200);
        }
        String initializer = new String(get(server, "/docs/swagger-initializer.js").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(initializer).contains("url: \"../openapi.json\"", "validatorUrl: null").doesNotContain("http");
    }

    @Test
    void unknownDocsAreGraphShaped404s(ServerUnderTest server) throws Exception {
        HttpResponse<byte[]> response = get(server, "/docs/nothing-here.js");

        assertThat(response.statusCode()).isEqualTo(404);
        Matcher code = Pattern.compile("\"code\":\"itemNotFound\"").matcher(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(code.find()).isTrue();
    }
}
