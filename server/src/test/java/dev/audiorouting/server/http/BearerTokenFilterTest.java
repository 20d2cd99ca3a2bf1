package dev.audiorouting.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenFilterTest {

    @ParameterizedTest(name = "[{0}] carries [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Bearer a.b.c         | a.b.c",
            "bearer a.b.c         | a.b.c",
            "BEARER    a-b_c~d+e/f | a-b_c~d+e/f",
            "Bearer abc==         | abc==",
    })
    void readsTheTokenOfABearerHeader(String header, String token) {
        assertThat(BearerTokenFilter.bearerToken(header)).hasValue(token);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearerabc", "Basic dXNlcjpwYXNzd29yZA==", "Bearer a b", "Bearer a=b",
            "Bearer ==", "Bearer a,b", "Bearer caf\u00e9", "Bearer a\tb", "Bearer\ta.b.c", ""})
    void refusesAnythingElse(String header) {
        assertThat(BearerTokenFilter.bearerToken(header)).isEmpty();
    }
}
