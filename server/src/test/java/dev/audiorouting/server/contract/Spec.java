package dev.audiorouting.server.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * openapi.yaml, as an independent validator reads it: every exchange of the contract tests is checked
 * here, so a response the spec does not allow fails the test that caused it.
 */
public final class Spec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Spec INSTANCE = load();
    /** Outside the spec's operations (an unknown path, an undeclared method) only the error shape is checked. */
    private static final List<String> UNDECLARED = List.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private final OpenAPI api;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;

    private Spec(OpenAPI api) {
        this.api = api;
        this.validator = OpenApiInteractionValidator.createFor(api).withBasePathOverride("/beta").build();
        this.schemas = new SchemaValidator(api, new MessageResolver());
    }

    public static Spec get() {
        return INSTANCE;
    }

    /** The spec file this build was made from (the pom passes its path; the fallback suits an IDE). */
    public static Path file() {
        return Path.of(System.getProperty("openapi.spec", "../openapi.yaml"));
    }

    public OpenAPI api() {
        return api;
    }

    /** The value of {@code components.examples.<name>} as JSON text, exactly as a reader of the spec sees it. */
    public String example(String name) {
        try {
            return JSON.writeValueAsString(api.getComponents().getExamples().get(name).getValue());
        } catch (Exception e) {
            throw new IllegalStateException("No example " + name, e);
        }
    }

    /**
     * Fails (with the validator's messages) unless the response is one the spec allows for the request; with
     * {@code requestMustConform}, the request must conform too.
     */
    void check(Exchange exchange, boolean requestMustConform) {
        SimpleResponse response = response(exchange);
        ValidationReport report = requestMustConform
                ? validator.validate(request(exchange), response)
                : validator.validateResponse(exchange.path(), exchange.method(), response);
        if (report.getMessages().stream().anyMatch(m -> UNDECLARED.contains(m.getKey())) && !requestMustConform) {
            report = isOptionsAnswer(exchange) ? ValidationReport.empty() : checkGraphError(exchange);
        }
        if (report.hasErrors()) {
            throw new AssertionError("Not allowed by openapi.yaml: " + exchange.method() + " " + exchange.path()
                    + " -> " + exchange.status() + " " + exchange.responseText() + "\n" + describe(report));
        }
    }

    /** OPTIONS is HTTP's, not the contract's: 204, the Allow header, and nothing else. */
    private static boolean isOptionsAnswer(Exchange exchange) {
        return exchange.method() == Request.Method.OPTIONS && exchange.status() == 204
                && exchange.responseBody().length == 0 && exchange.responseHeaders().firstValue("Allow").isPresent();
    }

    private ValidationReport checkGraphError(Exchange exchange) {
        ValidationReport shape = schemas.validate(exchange.responseText(), api.getComponents().getSchemas().get("ODataError"), "response.body");
        boolean isError = exchange.status() >= 400;
        boolean isJson = exchange.responseHeaders().firstValue("Content-Type").orElse("").startsWith("application/json");
        boolean hasIds = exchange.responseHeaders().firstValue("request-id").isPresent()
                && exchange.responseHeaders().firstValue("client-request-id").isPresent();
        if (isError && isJson && hasIds) {
            return shape;
        }
        return shape.merge(ValidationReport.singleton(ValidationReport.Message.create("graph.error",
                "expected a Graph error (4xx/5xx, application/json, request-id and client-request-id headers)").build()));
    }

    private static SimpleRequest request(Exchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().map().forEach(builder::withHeader);
        if (exchange.requestBody().length > 0) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    private static SimpleResponse response(Exchange exchange) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().map().forEach(builder::withHeader);
        if (exchange.responseBody().length > 0) {
            builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream().map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static Spec load() {
        try {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            String yaml = Files.readString(file(), StandardCharsets.UTF_8);
            var result = new OpenAPIV3Parser().readContents(yaml, null, options);
            if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
                throw new IllegalStateException("openapi.yaml does not parse: " + result.getMessages());
            }
            return new Spec(result.getOpenAPI());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + file().toAbsolutePath(), e);
        }
    }

    /** One request and its response, as they crossed the wire. */
    record Exchange(Request.Method method, String path, HttpHeaders requestHeaders, byte[] requestBody,
                    int status, HttpHeaders responseHeaders, byte[] responseBody) {
        String responseText() {
            return new String(responseBody, StandardCharsets.UTF_8);
        }
    }
}
