package org.ddos.scorematching.archive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.compression.CompressedCampaign;
import org.ddos.scorematching.score.PhaseEntropy;
import org.ddos.scorematching.score.ScoreMatcher;
import org.ddos.scorematching.score.ScoreMatchingSettings;

/**
 * One phase as shared between groups: its campaigns (one per volumetric strain), the
 * score-matching settings to learn the entropy with, and provenance.
 *
 * <p>Two kinds of content: campaigns sampled by this library carry their mergeable state
 * ({@code states}, exact sums and histograms with fixed bins; the {@link PhaseCampaign}s are
 * derived from them); campaigns imported from elsewhere (DescriptorDOS pickles) carry the
 * {@link PhaseCampaign}s directly ({@code importedCampaigns}). The learned entropy is not stored:
 * {@link #entropy(int)} refits it on load (about 0.1 s per phase, deterministic), which keeps the
 * archive small and always consistent with the histograms it came from.
 *
 * @param name phase label (e.g. "bcc")
 * @param provenance free key/value provenance (sorted): code version, timestamps, input hashes,
 *     sampler settings, seed, source files
 * @param settings score-matching settings used by {@link #entropy(int)}
 * @param importedCampaigns campaigns stored as-is (empty for sampled archives)
 * @param states sampled campaign states, one per strain (empty for imported archives)
 */
public record PhaseArchive(String name, SortedMap<String, String> provenance, ScoreMatchingSettings settings,
        List<PhaseCampaign> importedCampaigns, List<CompressedCampaign> states) {

    /**
     * @param name phase name
     * @param provenance provenance key/value pairs (copied, sorted)
     * @param settings score-matching settings used by {@link #entropy(int)}
     * @param importedCampaigns campaigns stored as-is (empty for sampled archives)
     * @param states sampled campaign states, one per strain (empty for imported archives)
     * @throws IllegalArgumentException when the archive holds no campaign at all
     */
    public PhaseArchive {
        provenance = Collections.unmodifiableSortedMap(new TreeMap<>(provenance));
        importedCampaigns = List.copyOf(importedCampaigns);
        List<CompressedCampaign> s = new ArrayList<>();
        for (CompressedCampaign c : states) {
            s.add(c.copy());
        }
        states = Collections.unmodifiableList(s);
        if (importedCampaigns.isEmpty() && states.isEmpty()) {
            throw new IllegalArgumentException("an archive needs at least one campaign");
        }
    }

    /**
     * @param name phase name
     * @param provenance provenance key/value pairs
     * @param settings score-matching settings to store
     * @param campaigns the imported campaigns, one per volume
     * @return an archive of imported campaigns
     */
    public static PhaseArchive imported(String name, SortedMap<String, String> provenance, ScoreMatchingSettings settings,
            List<PhaseCampaign> campaigns) {
        return new PhaseArchive(name, provenance, settings, campaigns, List.of());
    }

    /** @return the campaigns ready to predict from (derived from the states, or the imported ones) */
    public List<PhaseCampaign> campaigns() {
        if (!importedCampaigns.isEmpty()) {
            return importedCampaigns;
        }
        List<PhaseCampaign> out = new ArrayList<>();
        for (CompressedCampaign c : states) {
            out.add(c.toCampaign());
        }
        return out;
    }

    /**
     * @param i campaign index (volume), 0-based
     * @return the learned entropy of campaign i (refitted with {@link #settings()})
     */
    public PhaseEntropy entropy(int i) {
        return ScoreMatcher.fit(campaigns().get(i), settings);
    }

    /** @return true when every sampled state is complete and holds all shards (imports: true) */
    public boolean complete() {
        for (CompressedCampaign c : states) {
            if (!c.complete() || !c.allShards()) {
                return false;
            }
        }
        return true;
    }
}
