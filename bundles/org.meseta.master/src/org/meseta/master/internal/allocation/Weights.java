package org.meseta.master.internal.allocation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.WeightInfo;
import org.meseta.api.resources.WeightRules;

/**
 * Role weights as operators give them: Mesos's {@code --weights} text ({@code role1=2.5,role2=3}) and the
 * {@code WeightInfo}s of {@code UPDATE_WEIGHTS} and {@code /weights}. A weight must be a positive, finite number and
 * the role a valid role name. Stateless.
 */
public final class Weights {

    private Weights() {}

    /**
     * Parses {@code --weights}.
     *
     * @return role → weight, in the order given (a role named twice keeps the last weight)
     * @throws IllegalArgumentException naming the bad entry, e.g. {@code invalid weight 'eng=x': not a number}
     */
    public static Map<String, Double> parse(String text) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String entry : text.split(",", -1)) {
            String trimmed = entry.strip();
            int equals = trimmed.indexOf('=');
            if (equals < 0 || equals != trimmed.lastIndexOf('=')) {
                throw new IllegalArgumentException("invalid weight '" + trimmed
                        + "': expected role=weight, entries separated by ','");
            }
            String role = trimmed.substring(0, equals).strip();
            String number = trimmed.substring(equals + 1).strip();
            double weight;
            try {
                weight = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid weight '" + trimmed + "': '" + number
                        + "' is not a number");
            }
            Optional<String> problem = WeightRules.problem(role, weight);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            weights.put(role, weight);
        }
        return weights;
    }

    /** The {@code --weights} text of {@code weights}. */
    public static String format(Map<String, Double> weights) {
        return weights.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + BigDecimal.valueOf(entry.getValue()).stripTrailingZeros()
                        .toPlainString())
                .collect(Collectors.joining(","));
    }

    /** Why {@code infos} cannot be applied, naming the first bad one, or empty. */
    public static Optional<String> problem(List<WeightInfo> infos) {
        for (WeightInfo info : infos) {
            Optional<String> problem = WeightRules.problem(info.getRole(), info.getWeight());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** The weights of valid {@code infos}, role → weight; a role named twice keeps the last weight. */
    public static Map<String, Double> of(List<WeightInfo> infos) {
        Map<String, Double> weights = new LinkedHashMap<>();
        infos.forEach(info -> weights.put(info.getRole(), info.getWeight()));
        return weights;
    }

    /** {@code weights} as {@code WeightInfo}s, in the map's order. */
    public static List<WeightInfo> infos(Map<String, Double> weights) {
        return weights.entrySet().stream()
                .map(entry -> WeightInfo.newBuilder().setRole(entry.getKey()).setWeight(entry.getValue()).build())
                .toList();
    }
}
