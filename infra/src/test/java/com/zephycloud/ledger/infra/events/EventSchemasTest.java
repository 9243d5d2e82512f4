package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract stays what is committed: every event record has a committed JSON Schema
 * equal to the one generated from it (golden files), no published type disappears, and events
 * serialized the way the feed and the broker publish them validate against their schema.
 */
class EventSchemasTest {

    /** Writes missing schema files instead of failing ("overwrite" also rewrites changed ones). */
    static final String WRITE_PROPERTY = "zephy.events.write-schemas";
    static final Path FOLDER = Path.of("src/main/resources", EventContract.SCHEMA_FOLDER);
    static final String COMMAND = "./mvnw -B -q verify -pl infra -am -Dtest=EventSchemasTest -D" + WRITE_PROPERTY + "=true";
    static final String ENVELOPE = "envelope.v1.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final EventContract contract = EventContract.scan();

    @Test
    void everyEventRecordHasARevision() {
        List<String> missing = EventContract.eventRecords().stream()
                .filter(record -> !record.isAnnotationPresent(Revision.class))
                .map(Class::getName).toList();
        assertThat(missing)
                .as("records under %s without @Revision: give an event @Revision(\"1\"); a value type belongs"
                        + " in com.zephycloud.ledger.kernel or nested in its event", EventContract.EVENT_PACKAGE)
                .isEmpty();
        assertThat(contract.types()).extracting(PublishedEventType::name)
                .contains("ledger.CreditConsumed", "ledger.TransactionCanceled", "users.UserRegistered");
    }

    @Test
    void everyPublishedTypeHasItsCommittedSchema() throws IOException {
        String mode = System.getProperty(WRITE_PROPERTY, "");
        List<String> problems = new ArrayList<>();
        for (PublishedEventType type : contract.types()) {
            Path file = FOLDER.resolve(type.schemaFile());
            String generated = JSON.writeValueAsString(EventSchemaGenerator.schemaOf(type)) + "\n";
            if (!Files.exists(file)) {
                if (!mode.isEmpty()) {
                    Files.createDirectories(FOLDER);
                    Files.writeString(file, generated);
                    continue;
                }
                problems.add(type.name() + " v" + type.version() + " (" + type.payloadClass().getName()
                        + ") has no committed schema " + file + ": run " + COMMAND + " and commit the new file");
            } else if (!JSON.readTree(file.toFile()).equals(JSON.readTree(generated))) {
                if (mode.equals("overwrite")) {
                    Files.writeString(file, generated);
                    continue;
                }
                problems.add("the published shape of " + type.name() + " v" + type.version() + " ("
                        + type.payloadClass().getName() + ") no longer matches " + file + ". A published version"
                        + " never changes: raise its @Revision, add an upcaster, then run " + COMMAND
                        + " to add the new version's schema beside the old one. Only for a version that was"
                        + " never released, rewrite it with -D" + WRITE_PROPERTY + "=overwrite");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void noPublishedTypeDisappears() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.map(Path::getFileName).sorted().toList()) {
                String fileName = file.toString();
                if (fileName.equals(ENVELOPE)) {
                    continue;
                }
                int v = fileName.lastIndexOf(".v");
                String name = fileName.substring(0, v);
                int version = Integer.parseInt(fileName.substring(v + 2, fileName.length() - ".json".length()));
                var current = contract.byName(name);
                if (current.isEmpty()) {
                    problems.add(fileName + ": no event record publishes " + name + " any more; a published type"
                            + " must not vanish: if the record was moved or renamed, give it @JsonTypeName(\""
                            + name + "\")");
                } else if (Integer.parseInt(current.get().version()) < version) {
                    problems.add(fileName + ": " + name + " is now at version " + current.get().version()
                            + ", lower than this committed schema");
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void sampleEventsValidateAgainstTheirCommittedSchemas() throws IOException {
        List<String> problems = new ArrayList<>();
        for (PublishedEventType type : contract.types()) {
            Path file = FOLDER.resolve(type.schemaFile());
            if (!Files.exists(file)) {
                continue; // reported by everyPublishedTypeHasItsCommittedSchema
            }
            JsonSchema schema = SCHEMAS.getSchema(JSON.readTree(file.toFile()));
            for (Object sample : new Object[]{SampleEvents.filled(type.payloadClass()),
                    SampleEvents.withNulls(type.payloadClass())}) {
                if (sample == null) {
                    continue;
                }
                JsonNode payload = PublishedPayloads.toJson(sample);
                Set<ValidationMessage> errors = schema.validate(payload);
                if (!errors.isEmpty()) {
                    problems.add(type.name() + ": " + payload + " -> " + errors);
                }
                EventContract.WITHHELD_FIELDS.forEach(field -> {
                    if (payload.has(field)) {
                        problems.add(type.name() + " publishes the withheld field " + field);
                    }
                });
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    static JsonSchema committedSchema(String fileName) throws IOException {
        return SCHEMAS.getSchema(JSON.readTree(FOLDER.resolve(fileName).toFile()));
    }
}
