package org.homeinfusion.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/** The schemas and golden samples of this module, read the way a consumer of the jar would. */
final class ContractResources {

    /**
     * Draft 2020-12 treats {@code format} as an annotation unless told otherwise; the contract means
     * it (a date is a real date), so assertions are on, and the schema ids resolve to this classpath.
     */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaIdResolvers(resolvers -> resolvers.mapPrefix(EventSchemas.BASE_URI,
                            "classpath:" + EventSchemas.SCHEMA_DIRECTORY)));

    private ContractResources() {
    }

    static Stream<String> eventNames() {
        return EventCatalog.all().keySet().stream().sorted();
    }

    static Schema schema(String eventName) {
        return SCHEMAS.getSchema(SchemaLocation.of(EventSchemas.schemaIdFor(eventName)));
    }

    /** The validation errors of a JSON value against an event's schema; empty when it is valid. */
    static List<String> violations(String eventName, JsonNode value) {
        return schema(eventName).validate(value).stream().map(Error::toString).toList();
    }

    static String sampleText(String eventName) {
        return text(EventSchemas.sampleFor(eventName));
    }

    static JsonNode sample(String eventName) {
        return EventJson.mapper().readTree(sampleText(eventName));
    }

    static JsonNode schemaDocument(String fileName) {
        return EventJson.mapper().readTree(text(EventSchemas.SCHEMA_DIRECTORY + fileName));
    }

    static String text(String resource) {
        try (InputStream in = ContractResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names in a resource directory of this module, as packaged (tests see it unpacked). */
    static Set<String> fileNames(String directory, String suffix) {
        URL url = ContractResources.class.getClassLoader().getResource(directory);
        if (url == null) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
