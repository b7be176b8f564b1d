package org.meseta.api.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * The Mesos text form of resources: {@code name(role):value} tokens separated by {@code ;}, e.g.
 * {@code cpus:2;mem:1024;ports:[31000-32000];gpus(ml):1;bugs:{a,b,c}}. Whitespace around tokens is ignored, empty
 * tokens are skipped. A token without a role gets the default role; a role other than {@code *} is a static
 * reservation, produced here directly in the post-refinement format.
 */
final class ResourceTextParser {
    private static final String NAME_FORBIDDEN = "()[]{},;:";

    private ResourceTextParser() {
    }

    /**
     * @param text the resources text
     * @param defaultRole a valid role for tokens without one
     * @return one validated resource per token, in order, not yet combined
     * @throws ResourceParseException naming the first bad token
     */
    static List<Resource> parse(String text, String defaultRole) throws ResourceParseException {
        List<Resource> resources = new ArrayList<>();
        for (String token : text.split(";")) {
            String trimmed = token.strip();
            if (!trimmed.isEmpty()) {
                resources.add(parseToken(trimmed, defaultRole));
            }
        }
        return resources;
    }

    private static Resource parseToken(String token, String defaultRole) throws ResourceParseException {
        int colon = token.indexOf(':');
        if (colon < 0) {
            throw invalid(token, "expected name:value, e.g. cpus:2, but there is no ':'");
        }
        if (token.indexOf(':', colon + 1) >= 0) {
            throw invalid(token, "expected name:value, e.g. cpus:2, but there is more than one ':'");
        }
        String head = token.substring(0, colon).strip();
        String name = head;
        String role = defaultRole;
        int open = head.indexOf('(');
        if (open >= 0) {
            int close = head.indexOf(')');
            if (close < open || head.indexOf('(', open + 1) >= 0) {
                throw invalid(token, "mismatched parentheses around the role");
            }
            if (close != head.length() - 1) {
                throw invalid(token, "unexpected text after the role: '" + head.substring(close + 1) + "'");
            }
            name = head.substring(0, open).strip();
            role = head.substring(open + 1, close).strip();
        }
        checkName(token, name);
        Optional<String> roleProblem = Roles.problem(role);
        if (roleProblem.isPresent()) {
            throw invalid(token, roleProblem.get());
        }
        Resource resource = resource(token, name, role, token.substring(colon + 1));
        Optional<String> problem = ResourceValidator.problem(resource);
        if (problem.isPresent()) {
            throw invalid(token, problem.get());
        }
        return resource;
    }

    private static void checkName(String token, String name) throws ResourceParseException {
        if (name.isEmpty()) {
            throw invalid(token, "the resource name is missing");
        }
        for (char c : name.toCharArray()) {
            if (Character.isWhitespace(c) || NAME_FORBIDDEN.indexOf(c) >= 0) {
                throw invalid(token, "the resource name '" + name + "' contains the character '" + c + "'");
            }
        }
    }

    private static Resource resource(String token, String name, String role, String valueText)
            throws ResourceParseException {
        Value value;
        try {
            value = ValueText.parse(valueText);
        } catch (InvalidValueException e) {
            throw invalid(token, e.getMessage());
        }
        Resource.Builder resource = Resource.newBuilder().setName(name).setType(value.getType());
        switch (value.getType()) {
            case SCALAR -> resource.setScalar(value.getScalar());
            case RANGES -> resource.setRanges(value.getRanges());
            case SET -> resource.setSet(value.getSet());
            case TEXT -> throw invalid(token, "'" + value.getText().getValue() + "' is not a number");
        }
        return Reservations.reserveStatically(resource, role).build();
    }

    private static ResourceParseException invalid(String token, String reason) {
        return new ResourceParseException("Invalid resource '" + token + "': " + reason);
    }
}
