package org.meseta.master.internal.validation;

import java.util.Optional;
import org.meseta.api.resources.Resources;

/**
 * What the checks of one part of a launch (a task's fields, an executor) found.
 *
 * @param resources the part's resources as taken from the offers (post-refinement, with allocation_info), when it
 *     passed
 * @param problem why the part is invalid, as Mesos words it
 */
record Checked(Resources resources, Optional<String> problem) {

    static Checked valid(Resources resources) {
        return new Checked(resources, Optional.empty());
    }

    static Checked invalid(String problem) {
        return new Checked(Resources.empty(), Optional.of(problem));
    }
}
