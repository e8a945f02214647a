package org.ddos.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.ddos.calibration.alloy.HeteronuclearParameters;
import org.ddos.calibration.surrogate.AlloyCalibration;
import org.ddos.calibration.surrogate.CalibrationTargets;
import org.ddos.calibration.surrogate.MixingSurrogate;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of the mixing-enthalpy calibration (XChart, headless). */
final class SurrogatePlots {
    private SurrogatePlots() {
    }

    /**
     * Delta H_mix(x): target curves (lines) and points (markers), the calibrated surrogate at each
     * target temperature (dashed lines) and the direct simulations of the calibrated set (error bars).
     */
    static void enthalpy(CalibrationTargets targets, MixingSurrogate sur, HeteronuclearParameters h, List<AlloyCalibration.Check> checks,
            Path file) throws IOException {
        XYChart c = new XYChartBuilder().width(800).height(520)
                .title(targets.system() + ": target vs calibrated mixing enthalpy")
                .xAxisTitle("x (fraction of " + targets.system().split("-")[1] + ")").yAxisTitle("Delta H_mix (meV/atom)").build();
        int n = 101;
        for (CalibrationTargets.EnthalpyCurve curve : targets.curves()) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i / (n - 1.0);
                y[i] = curve.curve().applyAsDouble(x[i]);
            }
            c.addSeries(String.format(Locale.ROOT, "target: %s (%.0f K)", curve.label(), curve.temperature()), x, y)
                    .setMarker(SeriesMarkers.NONE);
        }
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        TreeSet<Double> temps = new TreeSet<>();
        for (CalibrationTargets.EnthalpyTarget t : targets.enthalpy()) {
            points.computeIfAbsent(t.source(), k -> new ArrayList<>()).add(new double[] {t.x(), t.value(), t.sigma()});
            temps.add(t.temperature());
        }
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            List<double[]> p = e.getValue();
            double[] x = p.stream().mapToDouble(v -> v[0]).toArray();
            double[] y = p.stream().mapToDouble(v -> v[1]).toArray();
            double[] s = p.stream().mapToDouble(v -> v[2]).toArray();
            XYSeries ser = c.addSeries("target points: " + e.getKey(), x, y, s);
            ser.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        double xMin = sur.metadata().xMin();
        double xMax = sur.metadata().xMax();
        for (double t : temps) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i / (n - 1.0);
                y[i] = x[i] <= 0 || x[i] >= 1 ? 0 : sur.predict(h, x[i], t).mixingEnthalpy();
            }
            XYSeries ser = c.addSeries(String.format(Locale.ROOT, "calibrated, surrogate (%.0f K; sampled x %.2f-%.2f)", t, xMin, xMax), x, y);
            ser.setMarker(SeriesMarkers.NONE);
            ser.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        if (!checks.isEmpty()) {
            double[] x = checks.stream().mapToDouble(AlloyCalibration.Check::x).toArray();
            double[] y = checks.stream().mapToDouble(AlloyCalibration.Check::simulatedEnthalpy).toArray();
            double[] e = checks.stream().mapToDouble(AlloyCalibration.Check::simulatedEnthalpyError).toArray();
            XYSeries ser = c.addSeries("calibrated, direct Monte Carlo", x, y, e);
            ser.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            ser.setMarker(SeriesMarkers.DIAMOND);
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
