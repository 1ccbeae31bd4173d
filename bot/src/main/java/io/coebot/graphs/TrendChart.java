package io.coebot.graphs;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The weekly report's trend: the median minutes to detect and to mitigate, one point a week, in the same style and
 * bundled font as every other chart of coe-bot. A week with no incident is a gap in the line, not a zero: nobody
 * detected anything instantly that week. Pure: the same weeks draw the same pixels.
 */
public final class TrendChart {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 420;
    static final Color DETECT = MetricChart.MILESTONE_COLOURS.get(io.coebot.timeline.Milestone.DETECTED);
    static final Color MITIGATE = MetricChart.MILESTONE_COLOURS.get(io.coebot.timeline.Milestone.MITIGATED);

    /** One week: its start, and its medians in minutes (null: unknown that week). */
    public record Point(Instant weekStart, Double detectMinutes, Double mitigateMinutes) {}

    private TrendChart() {
    }

    public static byte[] png(String title, String subtitle, List<Point> weeks) {
        return draw(title, subtitle, weeks).png();
    }

    static Picture draw(String title, String subtitle, List<Point> weeks) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("median time to detect", series(weeks, true));
        data.addSeries("median time to mitigate", series(weeks, false));
        DateAxis time = new DateAxis("Week starting", TimeZone.getTimeZone("UTC"), Locale.ROOT);
        time.setDateFormatOverride(utc(new SimpleDateFormat("d MMM", Locale.ROOT)));
        NumberAxis minutes = new NumberAxis("minutes");
        minutes.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, time, minutes, lines);
        JFreeChart chart = new JFreeChart(title, ChartStyle.font(Font.BOLD, 16f), plot, true);
        ChartStyle.apply(chart);
        lines.setSeriesPaint(0, DETECT);
        lines.setSeriesPaint(1, MITIGATE);
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesStroke(1, new BasicStroke(2.5f));
        if (subtitle != null) {
            chart.addSubtitle(new TextTitle(subtitle, ChartStyle.font(Font.PLAIN, 11f)));
        }
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, info);
        return new Picture(image, plot, info.getPlotInfo().getDataArea());
    }

    private static double[][] series(List<Point> weeks, boolean detect) {
        double[][] xy = new double[2][weeks.size()];
        for (int i = 0; i < weeks.size(); i++) {
            Point p = weeks.get(i);
            Double v = detect ? p.detectMinutes() : p.mitigateMinutes();
            xy[0][i] = p.weekStart().toEpochMilli();
            xy[1][i] = v == null ? Double.NaN : v;
        }
        return xy;
    }

    private static SimpleDateFormat utc(SimpleDateFormat f) {
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f;
    }
}
