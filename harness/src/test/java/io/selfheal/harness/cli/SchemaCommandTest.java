package io.selfheal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.scenario.ScenarioSchema;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {

    @Test
    void printsTheScenarioSchemaAndExitsZero() throws Exception {
        CliCapture result = CliCapture.run("schema");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo(ScenarioSchema.text());
        assertThat(new ObjectMapper().readTree(result.out()).path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void isListedInTheHelp() {
        assertThat(CliCapture.run("--help").out()).contains("schema");
    }
}
