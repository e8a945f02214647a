package org.ddos.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ddos.descriptors.eam.EamFile;
import org.ddos.descriptors.eam.EamPotential;
import org.ddos.descriptors.eam.EamStyle;
import org.ddos.descriptors.io.ReadOptions;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.potential.LinearPotential;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.sma.LodisPotentialFile;
import org.ddos.descriptors.sma.SmaLinearPotential;
import org.ddos.descriptors.sma.SmaParameters;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.snap.SnapParameters;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.pickle.DescriptorDosPickleReader;
import org.ddos.scorematching.sampling.CampaignRunner;
import org.ddos.scorematching.sampling.CampaignSettings;
import org.ddos.scorematching.sampling.IsosurfaceFlavor;
import org.ddos.scorematching.sampling.KineticSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ddos sample --config campaign.yaml [--out FILE] [--shard i/n] [--threads N]}: runs (or
 * resumes) a sampling campaign and writes its archive. Keys are documented in docs/formats.md. The
 * reference lattice ({@code structure}) is a structure file or the lattice of a single-volume campaign
 * (a DescriptorDOS pickle or a ddos archive: positions, cell and mass). The
 * potential is a SNAP pair ({@code snapparam}, {@code snapcoeff}) or a pure-metal second-moment
 * file in LoDiS format ({@code sma}, with the lattice-anchored neighbour-list {@code skin}, default
 * 3 Å). The isosurfaces come from the Hessian of that potential, or, with {@code reference_eam}, of
 * a LAMMPS tabulated EAM file (eam/alloy or eam/fs) as a non-linear reference.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Run or resume a D-DOS sampling campaign of one phase (YAML config) and write its archive.")
public final class SampleCommand implements Callable<Integer> {
    static final Set<String> KEYS = Set.of("name", "structure", "elements", "snapparam", "snapcoeff", "isosurfaces",
            "strains", "samples", "pilot_samples", "bins", "flavor", "seed", "U_0", "out", "checkpoint_seconds", "sma", "skin",
            "md_timestep", "md_decorrelation_steps", "md_frame_interval", "md_frames", "md_thermalization_steps",
            "reference_eam", "reference_eam_elements", "reference_eam_style");

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Campaign YAML file.")
    Path config;

    @Option(names = "--out", paramLabel = "FILE", description = "Archive to write (overrides 'out'); also the checkpoint.")
    Path out;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run shard i of n of the sample indices (0-based).")
    String shard;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "Override the seed.")
    Long seed;

    @Option(names = "--samples", paramLabel = "N", description = "Override samples per isosurface.")
    Long samples;

    @Spec
    CommandSpec spec;

    /**
     * Runs or resumes the sampling campaign of the YAML config ({@code CampaignRunner}) and writes its
     * archive (which is also the checkpoint).
     *
     * @return 0
     * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
     *     {@link java.io.IOException} for a file that cannot be read or written or a checkpoint that belongs to another campaign (reported as in {@link DdosCommand})
     */
    @Override
    public Integer call() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(config.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(config + ": expected a YAML mapping of campaign keys");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(config + ": unknown key '" + k + "'; allowed: " + new TreeMap<>(
                        java.util.Map.of("keys", KEYS.toString())).get("keys"));
            }
        }
        Path base = config.toAbsolutePath().getParent();
        String name = text(root, "name", null);
        Path structureFile = base.resolve(text(root, "structure", null));
        Path smaFile = root.has("sma") ? base.resolve(text(root, "sma", null)) : null;
        LodisPotentialFile lodis = smaFile == null ? null : LodisPotentialFile.read(smaFile);
        if (lodis != null && !lodis.pureMetal()) {
            throw new IllegalArgumentException(smaFile + ": a campaign needs a pure-metal (single-species) SMA file, got "
                    + String.join("-", lodis.elements() == null ? new String[] {"?"} : lodis.elements()));
        }
        String element = text(root, "elements", lodis != null ? lodis.elements()[0] : "W");
        double[] iso = isosurfaces(root.get("isosurfaces"));
        double[] strains = root.has("strains") ? doubles(root.get("strains"), "strains") : new double[] {0.0};
        long n = samples != null ? samples : root.path("samples").asLong(2000);
        int pilot = (int) Math.min(root.path("pilot_samples").asInt(200), n);
        IsosurfaceFlavor flavor = IsosurfaceFlavor.parse(text(root, "flavor", "hessian"));
        boolean kinetic = flavor == IsosurfaceFlavor.KINETIC;
        // kinetic isosurfaces hold the total energy (potential + kinetic): U_0 = 3 k_B x 1000 K (DescriptorDOS)
        double u0Default = kinetic ? 2 * CampaignSettings.DEFAULT_ENERGY_SCALE : CampaignSettings.DEFAULT_ENERGY_SCALE;
        CampaignSettings settings = new CampaignSettings(iso, strains, n, pilot, root.path("bins").asInt(99),
                flavor, seed != null ? seed : root.path("seed").asLong(1), root.path("U_0").asDouble(u0Default));
        KineticSettings md = KineticSettings.DEFAULT;
        md = new KineticSettings(root.path("md_timestep").asDouble(md.timestep()),
                root.path("md_decorrelation_steps").asInt(md.decorrelationSteps()),
                root.path("md_frame_interval").asInt(md.frameInterval()), root.path("md_frames").asInt(md.frames()),
                root.path("md_thermalization_steps").asInt(md.thermalizationSteps()));
        if (!kinetic) {
            for (String k : new String[] {"md_timestep", "md_decorrelation_steps", "md_frame_interval", "md_frames",
                    "md_thermalization_steps"}) {
                if (root.has(k)) {
                    spec.commandLine().getErr().println(config + ": warning: '" + k + "' applies to flavor: kinetic only;"
                            + " ignored for flavor: " + flavor.label());
                }
            }
        }
        Path target = out != null ? out : base.resolve(text(root, "out", name + ".ddos"));
        int si = 0;
        int sn = 1;
        if (shard != null) {
            String[] p = shard.split("/");
            if (p.length != 2) {
                throw new IllegalArgumentException("--shard expects i/n, got '" + shard + "'");
            }
            si = Integer.parseInt(p[0].trim());
            sn = Integer.parseInt(p[1].trim());
            if (out == null) {
                target = Path.of(target.toString().replaceFirst("(\\.ddos)?$", ".shard" + si + "of" + sn + ".ddos"));
            }
        }
        Structure lattice = referenceLattice(structureFile, element);
        TreeMap<String, String> prov = new TreeMap<>();
        prov.put("input.structure", structureFile.getFileName() + " sha256=" + PhaseArchives.sha256(Files.readAllBytes(structureFile)));
        LinearPotential potential;
        if (root.has("sma")) {
            // a second-moment metal: theta = (A, xi), descriptor (R, -B) (SmaLinearPotential)
            if (root.has("snapparam") || root.has("snapcoeff")) {
                throw new IllegalArgumentException(config + ": give either 'sma' or 'snapparam' and 'snapcoeff', not both");
            }
            SmaParameters sp = lodis.toParameters();
            double skin = root.path("skin").asDouble(3.0);
            potential = new SmaLinearPotential(sp.elements()[0], sp.pair(0, 0)).anchoredAt(lattice, skin);
            prov.put("input.sma", smaFile.getFileName() + " sha256=" + PhaseArchives.sha256(Files.readAllBytes(smaFile)));
        } else {
            Path param = base.resolve(text(root, "snapparam", null));
            Path coeff = base.resolve(text(root, "snapcoeff", null));
            SnapParameters sp = SnapParameters.read(param);
            SnapCoefficients sc = SnapCoefficients.read(coeff, sp);
            // single-element coefficient files (e.g. element "X") map every species to their element
            potential = sc.elementCount() == 1 ? new SnapPotential(sp, sc, sc.elements()[0]) : new SnapPotential(sp, sc);
            prov.put("input.snapparam", param.getFileName() + " sha256=" + PhaseArchives.sha256(Files.readAllBytes(param)));
            prov.put("input.snapcoeff", coeff.getFileName() + " sha256=" + PhaseArchives.sha256(Files.readAllBytes(coeff)));
        }
        Potential reference = potential;
        if (root.has("reference_eam")) {
            Path eamPath = base.resolve(text(root, "reference_eam", null));
            EamStyle style = root.has("reference_eam_style") ? EamStyle.parse(text(root, "reference_eam_style", null))
                    : EamStyle.fromFileName(eamPath.getFileName().toString());
            EamFile eam = EamFile.read(eamPath, style);
            String[] map = root.has("reference_eam_elements") ? strings(root.get("reference_eam_elements"),
                    "reference_eam_elements") : null;
            try {
                EamPotential ep = map == null ? new EamPotential(eam) : new EamPotential(eam, map);
                ep.energy(lattice); // every species of the lattice must have an element in the file
                reference = ep;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(config + ": reference_eam: " + e.getMessage(), e);
            }
            prov.put("input.reference_eam", eamPath.getFileName() + " sha256=" + PhaseArchives.sha256(Files.readAllBytes(eamPath)));
        } else if (root.has("reference_eam_elements") || root.has("reference_eam_style")) {
            throw new IllegalArgumentException(config + ": 'reference_eam_elements' and 'reference_eam_style' need 'reference_eam'");
        }
        prov.put("code.version", ArchiveCommand.version());
        int nt = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        boolean resumed = Files.exists(target);
        CampaignRunner runner = new CampaignRunner(name, lattice, potential, reference, settings).threads(nt).shard(si, sn)
                .checkpoint(target, root.path("checkpoint_seconds").asDouble(5)).provenance(prov);
        if (kinetic) {
            runner.kinetic(md);
        }
        try (me.tongfei.progressbar.ProgressBar bar = new me.tongfei.progressbar.ProgressBarBuilder()
                .setTaskName(name).setInitialMax(1).showSpeed().setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build()) {
            runner.progress((done, total, stage) -> {
                bar.maxHint(total);
                bar.stepTo(done);
                bar.setExtraMessage(stage);
            });
            PhaseArchive a = runner.run();
            double secs = (System.nanoTime() - start) * 1e-9;
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%s: wrote %s (%d bytes) in %.1f s with %d thread(s)%s%s%n", name, target, Files.size(target),
                    secs, nt, resumed ? " (resumed from checkpoint)" : "", a.complete() ? "" : " [shard: merge with ddos archive merge]");
            o.flush();
        }
        err.flush();
        return 0;
    }

    /**
     * The reference lattice: a structure file (LAMMPS data, extended XYZ, POSCAR), or the lattice of
     * a published campaign, a DescriptorDOS pickle ({@code x_0}, {@code C_0}, {@code mass}) or a ddos
     * archive, so that a campaign can be resampled with the same cell, positions and mass.
     *
     * @param element element name given to every atom of a campaign's lattice (campaigns hold one species)
     * @throws IllegalArgumentException naming the file when a campaign holds several volumes or no lattice
     */
    static Structure referenceLattice(Path file, String element) throws java.io.IOException {
        boolean pickle = DescriptorDosPickleReader.looksLikePickle(file);
        if (!pickle && !PhaseArchives.isArchive(file)) {
            return StructureFormats.read(file, null, ReadOptions.withTypeElements(element));
        }
        List<PhaseCampaign> campaigns = pickle ? DescriptorDosPickleReader.readAll(file) : PhaseArchives.read(file).campaigns();
        if (campaigns.size() != 1) {
            StringBuilder v = new StringBuilder();
            for (PhaseCampaign c : campaigns) {
                v.append(String.format(Locale.ROOT, " %.4f", c.volumePerAtom()));
            }
            throw new IllegalArgumentException("structure " + file + ": the campaign holds " + campaigns.size()
                    + " volumes (Å^3/atom:" + v + "); a reference lattice needs a single-volume campaign");
        }
        PhaseCampaign c = campaigns.get(0);
        int n = c.atomCount();
        if (c.latticePositions().length != 3 * n) {
            throw new IllegalArgumentException("structure " + file + ": the campaign holds no lattice positions (x_0 has "
                    + c.latticePositions().length + " values, expected 3N = " + 3 * n + ")");
        }
        try {
            return new Structure(c.cell(), c.latticePositions(), new int[n], new String[] {element}, new double[] {c.mass()});
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("structure " + file + ": the campaign's lattice is unusable: " + e.getMessage(), e);
        }
    }

    static String text(JsonNode root, String key, String dflt) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            if (dflt == null) {
                throw new IllegalArgumentException("campaign config: missing required key '" + key + "'");
            }
            return dflt;
        }
        return n.asText();
    }

    static double[] doubles(JsonNode n, String key) {
        if (n.isNumber()) {
            return new double[] {n.asDouble()};
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("campaign config: '" + key + "' must be a number or a list of numbers");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            if (!n.get(i).isNumber()) {
                throw new IllegalArgumentException("campaign config: '" + key + "' entry " + i + " is not a number: " + n.get(i));
            }
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    /** A string or a list of strings. */
    static String[] strings(JsonNode n, String key) {
        if (n.isTextual()) {
            return new String[] {n.asText()};
        }
        if (!n.isArray() || n.isEmpty()) {
            throw new IllegalArgumentException("campaign config: '" + key + "' must be a name or a non-empty list of names");
        }
        String[] v = new String[n.size()];
        for (int i = 0; i < v.length; i++) {
            if (!n.get(i).isTextual()) {
                throw new IllegalArgumentException("campaign config: '" + key + "' entry " + i + " is not a name: " + n.get(i));
            }
            v[i] = n.get(i).asText();
        }
        return v;
    }

    /** A list, or {min, max, count} (DescriptorDOS-style linear grid). */
    static double[] isosurfaces(JsonNode n) {
        if (n == null) {
            throw new IllegalArgumentException("campaign config: missing required key 'isosurfaces'");
        }
        if (n.isObject()) {
            double lo = n.path("min").asDouble(Double.NaN);
            double hi = n.path("max").asDouble(Double.NaN);
            int c = n.path("count").asInt(0);
            if (!(hi > lo) || c < 3) {
                throw new IllegalArgumentException("campaign config: 'isosurfaces' as {min, max, count} needs max > min and count >= 3");
            }
            double[] v = new double[c];
            for (int i = 0; i < c; i++) {
                v[i] = lo + (hi - lo) * i / (c - 1);
            }
            return v;
        }
        return doubles(n, "isosurfaces");
    }

    static List<String> keys() {
        return List.copyOf(KEYS);
    }
}
