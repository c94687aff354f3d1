package org.syncsim.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.syncsim.protocol.plan.PolicyCatalog;

/**
 * The JSON Schema of {@code protocol.policies}, written from {@link PolicyCatalog} so that editors complete and
 * check exactly what the loader accepts: per policy, a kind's name or {@code {kind: ..., parameters}}.
 */
public final class PolicySchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PolicySchema() {
    }

    /** The schema of the {@code policies} mapping. */
    public static ObjectNode policies() {
        ObjectNode root = F.objectNode().put("type", "object")
                .put("description", "The plan's policies: a kind, or a kind with parameters; unnamed policies take "
                        + "their recommended setting (or off with default: off). See docs/protocol.md.");
        ObjectNode props = root.putObject("properties");
        props.putObject(PolicyCatalog.DEFAULT_KEY).put("description", "what unnamed policies do")
                .set("enum", F.arrayNode().add("recommended").add("off").add(false));
        for (PolicyCatalog.Policy p : PolicyCatalog.POLICIES) {
            ObjectNode policy = props.putObject(p.name()).put("description", "targets " + p.targets());
            ArrayNode oneOf = policy.putArray("oneOf");
            ArrayNode names = F.arrayNode();
            p.kinds().forEach(k -> names.add(k.name()));
            oneOf.addObject().set("enum", names.deepCopy().add(false));
            for (PolicyCatalog.Kind k : p.kinds()) {
                ObjectNode form = oneOf.addObject().put("type", "object").put("description", k.doc());
                ObjectNode fields = form.putObject("properties");
                fields.putObject("kind").put("const", k.name());
                for (PolicyCatalog.Param param : k.params()) {
                    fields.set(param.name(), param(param));
                }
                if (!k.name().equals(p.recommended())) {
                    form.putArray("required").add("kind"); // parameters alone apply to the recommended kind
                }
                form.put("additionalProperties", false);
            }
        }
        root.put("additionalProperties", false);
        return root;
    }

    private static ObjectNode param(PolicyCatalog.Param p) {
        ObjectNode n = F.objectNode().put("description", p.doc() + " (default " + p.defaultValue() + ")");
        switch (p.type()) {
            case DURATION -> n.put("type", "string").put("pattern", Span.PATTERN);
            case COUNT -> n.put("type", "integer").put("minimum", 0);
            case NUMBER -> n.put("type", "number");
            case CHOICE -> {
                ArrayNode values = n.putArray("enum");
                p.choices().forEach(values::add);
            }
        }
        return n;
    }
}
