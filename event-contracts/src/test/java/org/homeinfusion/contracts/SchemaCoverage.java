package org.homeinfusion.contracts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Finds properties a JSON value carries that its schema neither declares nor requires. The schemas
 * stay open (readers tolerate fields added later), so a validator alone would not notice a record
 * component the schema forgot; this walk does. It follows {@code $ref}, {@code allOf} and the
 * non-null branch of {@code anyOf}/{@code oneOf} — the constructs our schemas use.
 */
final class SchemaCoverage {

    private record View(String document, JsonNode node) {
    }

    private final Map<String, JsonNode> documents = new HashMap<>();

    /** Each problem reads {@code /path/field: not declared} or {@code /path/field: not required}. */
    List<String> gaps(String eventName, JsonNode value) {
        String document = eventName + ".schema.json";
        List<String> problems = new ArrayList<>();
        walk(List.of(new View(document, document(document))), value, "", problems);
        return problems;
    }

    private void walk(List<View> schemas, JsonNode value, String path, List<String> problems) {
        List<View> views = new ArrayList<>();
        schemas.forEach(view -> flatten(view, value, views));
        if (value.isObject()) {
            Set<String> required = new LinkedHashSet<>();
            views.forEach(view -> view.node().path("required").forEach(name -> required.add(name.asString())));
            for (String field : value.propertyNames()) {
                List<View> children = new ArrayList<>();
                for (View view : views) {
                    JsonNode child = view.node().path("properties").path(field);
                    if (!child.isMissingNode()) {
                        children.add(new View(view.document(), child));
                    }
                }
                if (children.isEmpty()) {
                    problems.add(path + "/" + field + ": not declared");
                    continue;
                }
                if (!required.contains(field)) {
                    problems.add(path + "/" + field + ": not required");
                }
                walk(children, value.get(field), path + "/" + field, problems);
            }
        } else if (value.isArray()) {
            List<View> items = views.stream()
                    .filter(view -> view.node().has("items"))
                    .map(view -> new View(view.document(), view.node().get("items")))
                    .toList();
            for (int i = 0; i < value.size(); i++) {
                walk(items, value.get(i), path + "/" + i, problems);
            }
        }
    }

    private void flatten(View view, JsonNode value, List<View> into) {
        if (value.isNull() || admitsOnlyNull(view.node())) {
            return;
        }
        into.add(view);
        JsonNode ref = view.node().get("$ref");
        if (ref != null) {
            flatten(resolve(view.document(), ref.asString()), value, into);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            view.node().path(combinator).forEach(branch -> flatten(new View(view.document(), branch), value, into));
        }
    }

    private static boolean admitsOnlyNull(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isString() && "null".equals(type.stringValue());
    }

    private View resolve(String document, String ref) {
        int hash = ref.indexOf('#');
        String target = hash == 0 ? document : ref.substring(0, hash < 0 ? ref.length() : hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode node = document(target).at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalStateException("Unresolved $ref " + ref + " in " + document);
        }
        return new View(target, node);
    }

    private JsonNode document(String fileName) {
        return documents.computeIfAbsent(fileName, ContractResources::schemaDocument);
    }
}
