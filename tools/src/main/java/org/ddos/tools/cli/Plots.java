package org.ddos.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ddos.calibration.tuning.CalibrationResult;
import org.ddos.calibration.tuning.TrajectoryPoint;
import org.ddos.calibration.uncertainty.EnsemblePropagation;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots (XChart, headless). */
final class Plots {
    private Plots() {
    }

    /** T_c and relative parameter change along a calibration trajectory. */
    static void trajectory(CalibrationResult r, double target, Path file) throws IOException {
        List<TrajectoryPoint> t = r.trajectory();
        double[] step = new double[t.size()];
        double[] tc = new double[t.size()];
        double[] change = new double[t.size()];
        double[] goal = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            step[i] = t.get(i).step();
            tc[i] = t.get(i).targetValues()[0];
            change[i] = 100 * t.get(i).relativeChange();
            goal[i] = target;
        }
        String x = r.optimizer().equals("gd") ? "step" : "evaluation";
        XYChart c1 = new XYChartBuilder().width(700).height(450).title("T_c along the " + r.optimizer() + " trajectory")
                .xAxisTitle(x).yAxisTitle("T_c (K)").build();
        c1.addSeries("T_c", step, tc).setMarker(SeriesMarkers.CIRCLE);
        c1.addSeries("target", step, goal).setMarker(SeriesMarkers.NONE);
        XYChart c2 = new XYChartBuilder().width(700).height(450).title("|theta - theta0| / |theta0|")
                .xAxisTitle(x).yAxisTitle("relative change (%)").build();
        c2.addSeries("relative change", step, change).setMarker(SeriesMarkers.CIRCLE);
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(c1);
        charts.add(c2);
        BitmapEncoder.saveBitmap(charts, 1, 2, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Histogram of T_c over the ensemble and the spread of F per phase (sampled and linearised). */
    static void ensemble(EnsemblePropagation.EnsembleResult r, Path file) throws IOException {
        List<Chart<?, ?>> charts = new ArrayList<>();
        EnsemblePropagation.TransitionSummary ts = r.transition();
        if (ts != null && ts.found() > 0) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : ts.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            int bins = 30;
            double w = (hi - lo) / bins;
            if (w <= 0) {
                w = 1;
            }
            List<String> labels = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < bins; i++) {
                labels.add(String.format(java.util.Locale.ROOT, "%.0f", lo + (i + 0.5) * w));
                counts.add(0);
            }
            for (double v : ts.values()) {
                if (Double.isFinite(v)) {
                    int i = Math.min(bins - 1, (int) ((v - lo) / w));
                    counts.set(i, counts.get(i) + 1);
                }
            }
            CategoryChart h = new CategoryChartBuilder().width(700).height(450)
                    .title("T_c(" + ts.phaseA() + "->" + ts.phaseB() + "), " + ts.found() + " of " + r.members() + " in range")
                    .xAxisTitle("T_c (K)").yAxisTitle("members").build();
            h.getStyler().setLegendVisible(false);
            h.getStyler().setXAxisLabelRotation(90);
            h.addSeries("T_c", labels, counts);
            charts.add(h);
        }
        XYChart s = new XYChartBuilder().width(700).height(450).title("spread of F per phase")
                .xAxisTitle("T (K)").yAxisTitle("std F (meV/atom)").build();
        for (String p : r.phases()) {
            EnsemblePropagation.PhaseSummary ps = r.freeEnergies().get(p);
            double[] std = new double[ps.std().length];
            double[] lin = new double[std.length];
            for (int i = 0; i < std.length; i++) {
                std[i] = 1000 * ps.std()[i];
                lin[i] = 1000 * ps.linearisedStd()[i];
            }
            s.addSeries(p + " sampled", r.temperatures(), std).setMarker(SeriesMarkers.CIRCLE);
            s.addSeries(p + " linearised", r.temperatures(), lin).setMarker(SeriesMarkers.NONE);
        }
        charts.add(s);
        BitmapEncoder.saveBitmap(charts, 1, charts.size(), file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * F(T) per phase (left) and its anharmonic part F - F_H (right), each with the one-sigma band
     * of the score fits drawn as error bars; unsolved points are left out.
     *
     * @param temperatures grid (K)
     * @param phases name -&gt; {F, sigma, F_H} rows on the grid (eV/atom), unsolved points NaN
     */
    static void freeEnergies(double[] temperatures, java.util.Map<String, double[][]> phases, Path file) throws IOException {
        XYChart f = new XYChartBuilder().width(700).height(450).title("F(T) per phase (D-DOS, band = 1 sigma)")
                .xAxisTitle("T (K)").yAxisTitle("F (eV/atom)").build();
        XYChart a = new XYChartBuilder().width(700).height(450).title("anharmonic part F - F_harmonic")
                .xAxisTitle("T (K)").yAxisTitle("F - F_H (meV/atom)").build();
        for (java.util.Map.Entry<String, double[][]> e : phases.entrySet()) {
            double[][] v = e.getValue();
            List<Double> t = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            List<Double> anh = new ArrayList<>();
            List<Double> anhErr = new ArrayList<>();
            for (int i = 0; i < temperatures.length; i++) {
                if (Double.isFinite(v[0][i])) {
                    t.add(temperatures[i]);
                    y.add(v[0][i]);
                    err.add(v[1][i]);
                    anh.add(1000 * (v[0][i] - v[2][i]));
                    anhErr.add(1000 * v[1][i]);
                }
            }
            if (t.isEmpty()) {
                continue;
            }
            f.addSeries(e.getKey(), t, y, err).setMarker(SeriesMarkers.CIRCLE);
            f.addSeries(e.getKey() + " harmonic", temperatures, v[2]).setMarker(SeriesMarkers.NONE);
            a.addSeries(e.getKey(), t, anh, anhErr).setMarker(SeriesMarkers.CIRCLE);
        }
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(f);
        charts.add(a);
        BitmapEncoder.saveBitmap(charts, 1, 2, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * DeltaF(T) = F_B - F_A with its one-sigma band, the harmonic DeltaF_H, and T_c marked (with
     * T_c +- sigma when found).
     *
     * @param deltaF D-DOS DeltaF on the grid (eV/atom), NaN where unsolved
     * @param sigma its one-sigma uncertainty (eV/atom)
     * @param harmonic harmonic DeltaF_H on the grid (eV/atom)
     * @param tc T_c in K (NaN when not found)
     * @param tcSigma its uncertainty in K
     */
    static void deltaFreeEnergy(String label, double[] temperatures, double[] deltaF, double[] sigma, double[] harmonic, double tc,
            double tcSigma, Path file) throws IOException {
        XYChart c = new XYChartBuilder().width(900).height(550)
                .title(Double.isFinite(tc) ? String.format(java.util.Locale.ROOT, "%s: T_c = %.0f +- %.0f K", label, tc, tcSigma)
                        : label + ": no crossing in range")
                .xAxisTitle("T (K)").yAxisTitle("DeltaF (meV/atom)").build();
        List<Double> t = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < temperatures.length; i++) {
            if (Double.isFinite(deltaF[i])) {
                t.add(temperatures[i]);
                y.add(1000 * deltaF[i]);
                e.add(1000 * sigma[i]);
                lo = Math.min(lo, 1000 * (deltaF[i] - sigma[i]));
                hi = Math.max(hi, 1000 * (deltaF[i] + sigma[i]));
            }
        }
        double[] h = new double[harmonic.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = 1000 * harmonic[i];
            lo = Math.min(lo, h[i]);
            hi = Math.max(hi, h[i]);
        }
        if (!t.isEmpty()) {
            c.addSeries("D-DOS", t, y, e).setMarker(SeriesMarkers.CIRCLE);
        }
        c.addSeries("harmonic", temperatures, h).setMarker(SeriesMarkers.NONE);
        c.addSeries("zero", new double[] {temperatures[0], temperatures[temperatures.length - 1]}, new double[] {0, 0})
                .setMarker(SeriesMarkers.NONE);
        if (Double.isFinite(tc)) {
            c.addSeries("T_c", new double[] {tc, tc}, new double[] {lo, hi}).setMarker(SeriesMarkers.NONE);
            if (Double.isFinite(tcSigma) && tcSigma > 0) {
                c.addSeries("T_c - sigma", new double[] {tc - tcSigma, tc - tcSigma}, new double[] {lo, hi}).setMarker(SeriesMarkers.NONE);
                c.addSeries("T_c + sigma", new double[] {tc + tcSigma, tc + tcSigma}, new double[] {lo, hi}).setMarker(SeriesMarkers.NONE);
            }
        }
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
