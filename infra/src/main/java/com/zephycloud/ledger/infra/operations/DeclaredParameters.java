package com.zephycloud.ledger.infra.operations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Adds to each operation the parameters its endpoint reads through {@code ApiParams}, from the
 * declaration {@value #DECLARATION} (path → name, type, required, description), as query
 * parameters and, on POST, as the same fields of a JSON or form body; then the envelope as the
 * answer, the shared error answers and the credentials of its API. {@code ApiDescriptionTest}
 * holds the declaration to what each endpoint really accepts.
 */
final class DeclaredParameters implements OpenApiCustomizer {

    static final String DECLARATION = "openapi/parameters.json";

    /** One declared parameter: {@code schema} is an OpenAPI schema object. */
    record Declared(String name, boolean required, Map<String, Object> schema, String description) {
    }

    private final Map<String, List<Declared>> declared = read();

    static Map<String, List<Declared>> read() {
        try (InputStream in = new ClassPathResource(DECLARATION).getInputStream()) {
            return new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DECLARATION, e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> {
            List<Declared> parameters = declared.get(path);
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                if (parameters != null) {
                    describe(operation, parameters, entry.getKey() == PathItem.HttpMethod.POST);
                }
                answers(operation, parameters != null);
                if (path.startsWith("/admin/")) {
                    operation.addSecurityItem(new SecurityRequirement().addList(ApiDescription.ADMIN));
                } else if (path.startsWith("/service/")) {
                    operation.addSecurityItem(new SecurityRequirement().addList(ApiDescription.SERVICE));
                }
            }
        });
    }

    private static void describe(Operation operation, List<Declared> parameters, boolean post) {
        ObjectSchema body = new ObjectSchema();
        for (Declared declared : parameters) {
            Schema<?> schema = schema(declared.schema());
            schema.setDescription(declared.description());
            operation.addParametersItem(new Parameter().in("query").name(declared.name())
                    .required(declared.required()).description(declared.description()).schema(schema));
            body.addProperty(declared.name(), schema);
            if (declared.required()) {
                body.addRequiredItem(declared.name());
            }
        }
        if (post && !parameters.isEmpty()) {
            operation.requestBody(new RequestBody().description("the same parameters as a JSON object or a form"
                            + " (a JSON value wins over a query value of the same name)")
                    .content(new Content()
                            .addMediaType("application/json", new MediaType().schema(body))
                            .addMediaType("application/x-www-form-urlencoded", new MediaType().schema(body))));
        }
    }

    /** The declared schema as swagger's model (its generic Schema writes no type in OpenAPI 3.0). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema schema(Map<String, Object> declared) {
        Schema schema = switch (String.valueOf(declared.get("type"))) {
            case "integer" -> new IntegerSchema();
            case "number" -> new NumberSchema();
            case "boolean" -> new BooleanSchema();
            case "object" -> new ObjectSchema();
            case "array" -> new ArraySchema().items(schema((Map<String, Object>) declared.get("items")));
            default -> new StringSchema();
        };
        schema.setFormat((String) declared.get("format"));
        if (declared.get("enum") instanceof List<?> values) {
            schema.setEnum(values);
        }
        return schema;
    }

    /** The envelope's answers; endpoints that are not the envelope's (a file, an event stream) keep their own. */
    private static void answers(Operation operation, boolean envelope) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (envelope && !"text/event-stream".equals(firstType(responses))) {
            responses.addApiResponse("200", new ApiResponse().description("done: the envelope with success 1")
                    .content(ApiDescription.envelopeContent()));
        }
        ApiDescription.ERRORS.keySet().stream().sorted().forEach(status -> responses.addApiResponse(status,
                new ApiResponse().$ref("#/components/responses/error" + status)));
        operation.setResponses(responses);
    }

    private static String firstType(ApiResponses responses) {
        ApiResponse ok = responses.get("200");
        return ok == null || ok.getContent() == null || ok.getContent().isEmpty() ? null
                : ok.getContent().keySet().iterator().next();
    }
}
