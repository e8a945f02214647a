package org.ddos.tools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.compression.CompressedCampaign;

/** CLI glue for merging archives (the exact merge itself is {@link CompressedCampaign#merge}). */
final class CampaignArchives {
    private CampaignArchives() {
    }

    static PhaseArchive merge(List<PhaseArchive> archives, List<Path> files) {
        PhaseArchive first = archives.get(0);
        if (first.states().isEmpty()) {
            throw new IllegalArgumentException(files.get(0) + ": an imported archive holds no mergeable sampling state");
        }
        List<CompressedCampaign> merged = new ArrayList<>();
        for (CompressedCampaign c : first.states()) {
            merged.add(c.copy());
        }
        TreeMap<String, String> prov = new TreeMap<>(first.provenance());
        for (int i = 1; i < archives.size(); i++) {
            PhaseArchive a = archives.get(i);
            if (a.states().size() != merged.size()) {
                throw new IllegalArgumentException(files.get(i) + ": holds " + a.states().size() + " strains, "
                        + files.get(0) + " holds " + merged.size());
            }
            if (!a.settings().equals(first.settings())) {
                throw new IllegalArgumentException(files.get(i) + ": score-matching settings differ from " + files.get(0));
            }
            for (int s = 0; s < merged.size(); s++) {
                try {
                    merged.get(s).merge(a.states().get(s));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(files.get(i) + " vs " + files.get(0) + ": " + e.getMessage(), e);
                }
            }
        }
        prov.remove("shard");
        prov.put("merged.from", files.toString());
        return new PhaseArchive(first.name(), prov, first.settings(), List.of(), merged);
    }
}
