package org.meseta.master.internal.validation;

import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;

/**
 * Resources a framework names in an ACCEPT, in the offers' format: post-refinement, and allocated to the offers'
 * role where they carry no {@code allocation_info} (frameworks without MULTI_ROLE never send it). Stateless.
 */
public final class OfferedResources {

    private OfferedResources() {}

    /**
     * @param resources as the framework sent them, in either reservation format
     * @param offerRole the role the offers were made in
     * @throws ResourceParseException naming the first invalid resource
     */
    public static Resources of(List<Resource> resources, String offerRole) throws ResourceParseException {
        List<Resource> withRole = new ArrayList<>(resources.size());
        for (Resource resource : resources) {
            if (resource.hasAllocationInfo()) {
                withRole.add(resource);
            } else {
                Resource.Builder builder = resource.toBuilder();
                builder.getAllocationInfoBuilder().setRole(offerRole);
                withRole.add(builder.build());
            }
        }
        return Resources.of(withRole);
    }
}
