package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The constants the metric queries rely on agree with data-dictionary/. */
class DictionaryAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Path.of("data-dictionary", file).toFile());
    }

    @Test
    void positiveExitDestinationsAreWorkAndStudies() throws IOException {
        // sql/episode_milestones.sql: positive_exit = destination IN ('arbete', 'studier')
        List<String> positive = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (JsonNode code : read("codelists.json").get("destination").get("codes")) {
            all.add(code.get("code").asText());
            if (code.path("positive").asBoolean()) {
                positive.add(code.get("code").asText());
            }
        }
        assertThat(positive).containsExactly("arbete", "studier");
        assertThat(LeadTimeMetric.DESTINATIONS.subList(0, all.size())).isEqualTo(all);
    }

    @Test
    void defaultLadderHasSevenStepsUpward() throws IOException {
        JsonNode ladder = read("ladders/stegvis-7.json");
        assertThat(ladder.get("id").asText()).isEqualTo(Ladder.DEFAULT_ID);
        assertThat(ladder.get("steps").size()).isEqualTo(Ladder.STEPS);
        assertThat(ladder.get("step_up").asText()).isEqualTo("higher");
    }

    @Test
    void milestonesAreTheDictionaryEventTypes() throws IOException {
        List<String> codes = new ArrayList<>();
        read("codelists.json").get("event_type").get("codes").forEach(c -> codes.add(c.get("code").asText()));
        for (Milestone m : Milestone.values()) {
            assertThat(codes).contains(m.code());
        }
    }
}
